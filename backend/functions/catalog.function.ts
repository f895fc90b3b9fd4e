import { listCatalog } from '../usecases/catalog';
import { defineFunction, route } from './define-function';

/** The service catalogue: red price beside market price. */
export const catalog = defineFunction('catalog', {
  list: route({ fields: {}, access: 'user', run: (deps, user) => listCatalog(deps, user) }),
});
