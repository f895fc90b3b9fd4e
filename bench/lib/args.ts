/** The value of `--name=value` among the script's arguments, or `fallback` when it is not given. */
export const arg = (name: string, fallback: string): string =>
  process.argv
    .slice(2)
    .find((a) => a.startsWith(`--${name}=`))
    ?.slice(name.length + 3) ?? fallback;
