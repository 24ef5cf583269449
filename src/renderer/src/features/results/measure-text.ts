let context: CanvasRenderingContext2D | null | undefined;

/**
 * Text width in px for a CSS font, measured on an off-screen canvas (no layout, no DOM nodes), so
 * column widths fit real glyphs whatever system font the OS picked. Falls back to an estimate.
 */
export function measurer(font: string, fallbackCharPx: number): (text: string) => number {
  if (context === undefined) context = document.createElement('canvas').getContext('2d');
  const ctx = context;
  return (text) => {
    if (!ctx) return text.length * fallbackCharPx;
    ctx.font = font;
    return ctx.measureText(text).width;
  };
}
