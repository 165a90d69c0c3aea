import type { ChannelName, ParsedArgsOf, ResultOf } from '../../shared/ipc/api-types';
import type { ServiceContext } from '../services/context';

export type Handler<C extends ChannelName> = (ctx: ServiceContext, args: ParsedArgsOf<C>) => Promise<ResultOf<C>> | ResultOf<C>;
export type HandlerMap<K extends ChannelName> = { [C in K]: Handler<C> };
export type AllHandlers = HandlerMap<ChannelName>;
