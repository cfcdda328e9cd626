import { useMemo } from 'react';
import { valueChanges } from '#shared/negotiation/positionRedline';
import { unsentSides, type UnsentPosition } from '#shared/negotiation/positionStates';
import { useNegotiationView } from './negotiationView';
import { Redline, useChipReading, ValueChangeList } from './Redline';

/** A position not on the table yet, against the article now: its redline and the values it changes. */
export function UnsentPositionView({ position }: { position: UnsentPosition }) {
  const { positions } = useNegotiationView();
  const reading = useChipReading();
  const sides = useMemo(() => unsentSides(position, positions), [position, positions]);
  const changes = useMemo(() => valueChanges(Object.keys(position.values), sides.before.values, sides.after.values, reading), [position, sides, reading]);
  return (
    <>
      <Redline before={sides.before} after={sides.after} />
      <ValueChangeList changes={changes} />
    </>
  );
}
