/** One column of a table: its title, width in cells and alignment. */
export type Column = {key: string; title: string; width: number; align?: 'left' | 'right'};

/** One cell of a table: text already sanitised and formatted, and an optional colour. */
export type Cell = {text: string; color?: string};
