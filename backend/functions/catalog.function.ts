import { listCatalog } from '../usecases/catalog';
import { defineFunction } from './define-function';

/** The service catalogue: red price beside market price. */
export const catalog = defineFunction('catalog', {
  list: (deps, user) => listCatalog(deps, user),
});
