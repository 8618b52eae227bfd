// Who may read the fleet (vehicles, devices and their figures): the control room and planners; admins write.
import type { Role } from '../../schemas';

export const FLEET_READERS: readonly Role[] = ['admin', 'operator', 'planner', 'viewer'];
