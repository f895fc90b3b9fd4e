/** autocannon ships no types; the bench uses its programmatic API through this narrow surface. */
declare module 'autocannon' {
  interface Request {
    method?: string;
    setupRequest?: (req: any, context: any) => any;
    onResponse?: (status: number, body: string, context: any) => void;
  }
  interface Options {
    url: string;
    connections?: number;
    pipelining?: number;
    amount?: number;
    duration?: number;
    timeout?: number;
    requests?: Request[];
  }
  interface Result {
    errors: number;
    timeouts: number;
    non2xx: number;
  }
  /** With a callback, autocannon returns its tracker, which can be stopped early. */
  interface Instance {
    stop(): void;
    on(event: string, listener: (...args: any[]) => void): this;
  }
  function autocannon(opts: Options, done: (err: Error | null, result: Result) => void): Instance;
  export default autocannon;
}
