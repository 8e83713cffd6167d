/**
 * How events reach the model: every event carries an integer `kind`, an integer `target` (the index
 * of the entity it concerns) and one number `value`. The model supplies a single dispatch function
 * that switches on the kind. One monomorphic call per event and no closure, promise or generator
 * allocated per event keeps the hot path fast (see shared/NOTES.md: per-event objects cost several
 * times the whole event).
 */
export type Dispatch = (kind: number, target: number, value: number) => void;
