/**
 * Retention program ROI = (annual gross profit kept by the program − its cost) / its cost. Null
 * when no program cost was entered (or it is zero).
 */
export function programRoi(profitKept: number, programCost: number | null): number | null {
  if (programCost === null || programCost <= 0) return null;
  return (profitKept - programCost) / programCost;
}
