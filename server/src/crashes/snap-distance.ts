// How far from a major road a crash may be and still be counted on it: the road lines are simplified (a few vertices
// per kilometre) and a DOH position is the kilometre post's, so tens of metres off is normal.
export const SNAP_DISTANCE_M = 250;
