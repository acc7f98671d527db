import { SECTORS, type Registrant } from '@cocrea/shared';
import { markPresent } from '../../api/plan';
import { t } from '../../i18n/t';
import { useAction } from '../stl/useAction';

interface Props {
  eventId: string;
  csrfToken: string;
  registrants: Registrant[];
  onChanged(): void;
}

/**
 * Who registered, for the STL's eyes only (it holds personal data): sector, organisation, e-mail, table, and
 * whether they came, which the registration desk marks here.
 */
export function RegistrantList({ eventId, csrfToken, registrants, onChanged }: Props) {
  const { busy, failure, act } = useAction();
  if (registrants.length === 0) return <p className="muted">{t('registrants.empty')}</p>;
  const present = (registrant: Registrant, value: boolean) =>
    act(async () => {
      await markPresent(csrfToken, eventId, registrant.id, value);
      onChanged();
    });
  return (
    <>
      {failure && (
        <p className="form-error" role="alert">
          {failure}
        </p>
      )}
      <div className="table-scroll" tabIndex={0} role="region" aria-label={t('registrants.tableLabel')}>
        <table className="review-table">
          <thead>
            <tr>
              <th scope="col">{t('registrants.name')}</th>
              <th scope="col">{t('registrants.sector')}</th>
              <th scope="col">{t('registrants.organization')}</th>
              <th scope="col">{t('registrants.email')}</th>
              <th scope="col">{t('registrants.table')}</th>
              <th scope="col">{t('registrants.present')}</th>
            </tr>
          </thead>
          <tbody>
            {registrants.map((r) => (
              <tr key={r.id}>
                <th scope="row">{r.name}</th>
                <td>{SECTORS[r.sector]}</td>
                <td>{r.organization}</td>
                <td>{r.email ?? '—'}</td>
                <td>{r.seat ? t('seating.table', { table: r.seat.table }) : t('registrants.noTable')}</td>
                <td>
                  <input
                    type="checkbox"
                    checked={r.checkedInAt !== null || r.enteredAt !== null}
                    disabled={busy || r.enteredAt !== null}
                    aria-label={t('registrants.presentLabel', { name: r.name })}
                    onChange={(e) => void present(r, e.target.checked)}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
