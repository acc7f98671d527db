import { emptyAttendance, type Attendance } from '@cocrea/shared';
import type { ParticipantCount } from '../storage/Storage';

/** Folds the stored join counts into each mesa's attendance, by sector and by role. */
export function attendanceByMesa(counts: readonly ParticipantCount[]): Map<string, Attendance> {
  const byMesa = new Map<string, Attendance>();
  for (const { mesaId, role, sector, count } of counts) {
    let attendance = byMesa.get(mesaId);
    if (!attendance) byMesa.set(mesaId, (attendance = emptyAttendance()));
    attendance.total += count;
    attendance.bySector[sector] += count;
    attendance.byRole[role] += count;
  }
  return byMesa;
}
