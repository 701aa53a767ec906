/** The kinds of engine objects that have an inspect document. */
export type InspectKind = 'container' | 'image' | 'volume' | 'network';
