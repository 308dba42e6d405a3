/**
 * The diagram out of the playground: its Mermaid text (pastes into GitHub Markdown or Mermaid Live), and the drawing
 * as SVG or PNG files. The files are the drawing as it is, live colours and badges included.
 */
import { downloadBlob } from '@/components/resources/download-object';

/** A standalone copy of the drawn SVG, with the page's diagram colours resolved into it. */
function standaloneSvg(svg: SVGSVGElement): string {
  const copy = svg.cloneNode(true) as SVGSVGElement;
  copy.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  copy.removeAttribute('role');
  // The page's CSS colours the diagram; a file has no page, so computed colours are written onto the copy.
  const from = svg.querySelectorAll<SVGElement>('*');
  const to = copy.querySelectorAll<SVGElement>('*');
  from.forEach((el, i) => {
    const cs = getComputedStyle(el);
    const target = to[i];
    // background-color too: Mermaid's embedded style gives edge labels its theme's background, the page's CSS does not.
    for (const prop of ['fill', 'stroke', 'stroke-width', 'stroke-dasharray', 'color', 'background-color', 'opacity', 'font-family', 'font-size', 'font-weight'] as const) {
      target.style.setProperty(prop, cs.getPropertyValue(prop));
    }
  });
  copy.style.backgroundColor = backgroundOf(svg);
  return new XMLSerializer().serializeToString(copy);
}

/** The colour the drawing is seen on: the nearest ancestor's background that is not transparent. */
function backgroundOf(el: Element): string {
  for (let at: Element | null = el; at; at = at.parentElement) {
    const bg = getComputedStyle(at).backgroundColor;
    if (bg && bg !== 'transparent' && !/^rgba\(.*,\s*0\)$/.test(bg)) return bg;
  }
  return 'white';
}

export function downloadSvg(svg: SVGSVGElement, name: string): void {
  downloadBlob(new Blob([standaloneSvg(svg)], { type: 'image/svg+xml' }), `${name}.svg`);
}

/** Renders the SVG into a canvas at 2× and saves a PNG; rejects when the browser refuses to export it. */
export async function downloadPng(svg: SVGSVGElement, name: string): Promise<void> {
  const width = Number(svg.getAttribute('width')) || svg.viewBox.baseVal.width;
  const height = Number(svg.getAttribute('height')) || svg.viewBox.baseVal.height;
  const url = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(standaloneSvg(svg))}`;
  const img = new Image();
  img.decoding = 'async';
  await new Promise<void>((resolve, reject) => {
    img.onload = () => resolve();
    img.onerror = () => reject(new Error('The drawing could not be turned into an image'));
    img.src = url;
  });
  const scale = 2;
  const canvas = document.createElement('canvas');
  canvas.width = Math.ceil(width * scale);
  canvas.height = Math.ceil(height * scale);
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('No 2D canvas in this browser');
  ctx.scale(scale, scale);
  ctx.drawImage(img, 0, 0, width, height);
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
  if (!blob) throw new Error('The browser refused to export the drawing as PNG');
  downloadBlob(blob, `${name}.png`);
}

export async function copyText(text: string): Promise<void> {
  await navigator.clipboard.writeText(text);
}
