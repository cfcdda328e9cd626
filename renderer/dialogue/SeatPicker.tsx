import { useTranslation } from 'react-i18next';
import { chooseSeat, seatKey, type ChosenSeat } from './dialogueSeat';

/** Which of this device's seats the dialogue area acts as; shown only when there is a choice. */
export function SeatPicker({ chosen }: { chosen: ChosenSeat }) {
  const { t } = useTranslation();
  if (chosen.seats.length < 2 || !chosen.seat) return null;
  return (
    <label className="seat-picker">
      {t('dialogue.actingAs')}{' '}
      <select value={seatKey(chosen.seat)} onChange={(event) => chooseSeat(event.target.value)}>
        {chosen.seats.map((seat) => (
          <option key={seatKey(seat)} value={seatKey(seat)}>
            {seat.kind === 'host'
              ? t('dialogue.actingHost')
              : t('dialogue.actingSeat', {
                  name: seat.membership.displayName,
                  side: t(`side.${seat.membership.side}`),
                  document: seat.membership.documentTitle,
                })}
          </option>
        ))}
      </select>
    </label>
  );
}
