import type { RuleRow, ShareKind } from '../../src/report';
import { svg } from './dom';
import { shareDescription, shareOf } from '../../src/report';

const WIDTH = 160;
const HEIGHT = 16;

/**
 * A horizontal bar of the share failed (or passed) with its 95% Wilson interval as a whisker, drawn
 * as inline SVG (no chart library, no remote resources). Colours come from the theme via CSS classes.
 */
export function failedBar(rule: RuleRow, kind: ShareKind = 'failed'): SVGElement {
  const label = shareDescription(rule, kind);
  const x = (share: number) => ((WIDTH - 2) * share) / 100 + 1;
  const chart = svg(
    'svg',
    {
      class: `bar bar-${kind}`,
      width: WIDTH,
      height: HEIGHT,
      viewBox: `0 0 ${WIDTH} ${HEIGHT}`,
      role: 'img',
      'aria-label': label,
    },
    svg('title', {}, label),
  );
  chart.appendChild(svg('rect', { class: 'bar-track', x: 1, y: 3, width: WIDTH - 2, height: HEIGHT - 6, rx: 1 }));
  const share = shareOf(rule, kind);
  if (share) {
    chart.appendChild(
      svg('rect', {
        class: 'bar-fill',
        x: 1,
        y: 3,
        width: Math.max(0, x(share.percent) - 1),
        height: HEIGHT - 6,
        rx: 1,
      }),
    );
    const low = x(share.low);
    const high = x(share.high);
    const mid = HEIGHT / 2;
    chart.appendChild(svg('line', { class: 'bar-ci', x1: low, x2: high, y1: mid, y2: mid }));
    chart.appendChild(svg('line', { class: 'bar-ci', x1: low, x2: low, y1: 2, y2: HEIGHT - 2 }));
    chart.appendChild(svg('line', { class: 'bar-ci', x1: high, x2: high, y1: 2, y2: HEIGHT - 2 }));
  }
  return chart;
}
