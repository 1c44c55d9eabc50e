// What the item page shows of a published directive's corrections (decision 022). Browser-safe.
export interface DirectiveCorrectionView {
  id: number;
  at: string;
  reason: string;
  actorName: string | null;
  oldTextEn: string;
  oldTextHi: string;
  newTextEn: string;
  newTextHi: string;
}
