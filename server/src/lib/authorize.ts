// The role decision for a route: pure, so it is tested on its own and used by the auth hook.
import type { User } from '../schemas';
import type { RouteRoles } from '../plugins/types';
import { HttpError } from './http-error';

/** Returns nothing when the caller may proceed; otherwise the 401/403 to send. */
export function authorize(roles: RouteRoles, user: User | null): HttpError | null {
  if (roles === 'public') return null;
  if (!user) return new HttpError(401, 'Login required', 'กรุณาเข้าสู่ระบบ');
  if (!roles.includes(user.role)) {
    return new HttpError(403, `The ${user.role} role may not do this`, `บทบาท ${user.role} ไม่มีสิทธิ์ทำรายการนี้`);
  }
  return null;
}
