import type { z } from 'zod';

export interface ChannelSpec<A extends z.ZodType = z.ZodType, R extends z.ZodType = z.ZodType> {
  args: A;
  result: R;
}

export type ContractShape = Record<string, ChannelSpec>;

/** Declares a channel: zod schemas for its arguments and its result. */
export function channel<A extends z.ZodType, R extends z.ZodType>(args: A, result: R): ChannelSpec<A, R> {
  return { args, result };
}

type UnionToIntersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void ? I : never;

/** Joins per-capability contracts; a channel declared twice fails at start. */
export function joinContracts<P extends ContractShape[]>(...parts: P): UnionToIntersection<P[number]> {
  const all: ContractShape = {};
  for (const part of parts) {
    for (const [name, spec] of Object.entries(part)) {
      if (name in all) throw new Error(`IPC channel declared twice: ${name}`);
      if (!/^[a-z][a-zA-Z]*:[a-z][a-zA-Z]*$/.test(name)) throw new Error(`IPC channel name must be entity:verb: ${name}`);
      all[name] = spec;
    }
  }
  return all as UnionToIntersection<P[number]>;
}
