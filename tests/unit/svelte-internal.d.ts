/** The two functions of Svelte's client runtime that `$state` and `$state.snapshot` compile to. */
declare module 'svelte/internal/client' {
  export function proxy<T>(value: T): T;
  export function snapshot<T>(value: T): T;
}
