import type { z } from 'zod';
import type { Contract } from './contract';
import type { Result } from './result';

export type ChannelName = keyof Contract & string;
export type ArgsOf<C extends ChannelName> = z.input<Contract[C]['args']>;
export type ParsedArgsOf<C extends ChannelName> = z.output<Contract[C]['args']>;
export type ResultOf<C extends ChannelName> = z.output<Contract[C]['result']>;

type EntityOf<C> = C extends `${infer E}:${string}` ? E : never;
type VerbOf<C> = C extends `${string}:${infer V}` ? V : never;

/** `window.api`: one named async function per channel, grouped by entity: api.units.list(args). */
export type Api = {
  [E in EntityOf<ChannelName>]: {
    [C in ChannelName as EntityOf<C> extends E ? VerbOf<C> : never]: (args: ArgsOf<C>) => Promise<Result<ResultOf<C>>>;
  };
};

export function splitChannel(name: string): [string, string] {
  const i = name.indexOf(':');
  return [name.slice(0, i), name.slice(i + 1)];
}
