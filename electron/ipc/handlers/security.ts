import type { HandlerMap } from '../handler-types';
import { clearLockPassword, lockApp, lockStatus, setLockPassword, unlockApp } from '../../services/app-lock/app-lock';

export const securityHandlers: HandlerMap<'security:lockStatus' | 'security:setPassword' | 'security:unlock' | 'security:lock' | 'security:activity' | 'security:clearPassword'> = {
  'security:lockStatus': (ctx) => lockStatus(ctx),
  'security:setPassword': (ctx, args) => setLockPassword(ctx, args),
  'security:unlock': (ctx, args) => unlockApp(ctx, args.password),
  'security:lock': (ctx) => lockApp(ctx),
  // guardChannel has already counted this call as activity (or refused it while locked)
  'security:activity': (ctx) => lockStatus(ctx),
  'security:clearPassword': (ctx, args) => clearLockPassword(ctx, args.currentPassword),
};
