import { ArrowLeft, Maximize2 } from 'lucide-react';
import {
  createContext,
  useContext,
  useEffect,
  useState,
  type Dispatch,
  type ReactNode,
  type SetStateAction,
} from 'react';
import { createPortal } from 'react-dom';
import { usePlanner } from '../store/context';
import type { WideChart } from '../store/state';

/** How the wide area names each chart it can show. */
export const WIDE_CHART_TITLES: Readonly<Record<WideChart, string>> = {
  sensitivity: 'Sensitivity · improve this first',
  simulation: 'Monte Carlo simulation',
};

/**
 * The widest a chart is drawn in the wide area, px (`.wide-area__body > *` in layout.css): wider,
 * the eye no longer follows a bar from its label to its end.
 */
const WIDE_CHART_MAX_PX = 1200;

/** The wide area's body (where a chart is drawn) and its width in px, once laid out. */
interface WideAreaTarget {
  readonly element: HTMLElement | null;
  readonly width: number;
}

const WideAreaContext = createContext<
  readonly [WideAreaTarget, Dispatch<SetStateAction<WideAreaTarget>>] | null
>(null);

/** Lets the wide area and the charts of the results column find each other. */
export function WideAreaProvider({ children }: { children: ReactNode }) {
  const state = useState<WideAreaTarget>({ element: null, width: 0 });
  return <WideAreaContext.Provider value={state}>{children}</WideAreaContext.Provider>;
}

/**
 * The wide area: while a chart of the results column is opened wide, it covers the palette and
 * the canvas (which stay as they were underneath) with that chart at the width it needs, and
 * "Back to the design" returns it to the column.
 */
export function WideArea() {
  const chart = usePlanner((s) => s.wideChart);
  const setWideChart = usePlanner((s) => s.setWideChart);
  const context = useContext(WideAreaContext);
  const setTarget = context?.[1];
  const [body, setBody] = useState<HTMLElement | null>(null);
  useEffect(() => {
    if (!setTarget) return undefined;
    if (!body) return undefined;
    const measure = () => {
      const style = getComputedStyle(body);
      const padding = parseFloat(style.paddingLeft) + parseFloat(style.paddingRight);
      const width = Math.min(WIDE_CHART_MAX_PX, Math.floor(body.clientWidth - padding));
      setTarget({ element: body, width });
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(body);
    return () => {
      observer.disconnect();
      setTarget({ element: null, width: 0 });
    };
  }, [body, setTarget]);
  if (chart === null) return null;
  return (
    // The page's `main` while open: the design under it is inert, out of the accessibility tree.
    <main className="wide-area" data-testid="wide-area" aria-label={WIDE_CHART_TITLES[chart]}>
      <header className="wide-area__header">
        <button type="button" className="tool" onClick={() => setWideChart(null)}>
          <ArrowLeft size={15} aria-hidden /> Back to the design
        </button>
        <h2 className="wide-area__title">{WIDE_CHART_TITLES[chart]}</h2>
      </header>
      <div ref={setBody} className="wide-area__body" />
    </main>
  );
}

/**
 * A chart of the results column that can be opened in the wide area: in the column it draws
 * `children(undefined)` under an "Open wide" button; opened wide, it draws `children(width)` in
 * the wide area (the component stays where it is, so a run in progress goes on) and says so in
 * the column.
 */
export function WideChartSlot({
  chart,
  children,
}: {
  chart: WideChart;
  children: (wideWidth: number | undefined) => ReactNode;
}) {
  const isWide = usePlanner((s) => s.wideChart === chart);
  const setWideChart = usePlanner((s) => s.setWideChart);
  const target = useContext(WideAreaContext)?.[0];
  const title = WIDE_CHART_TITLES[chart];
  // A chart that leaves the column (its panel closed) leaves the wide area too.
  useEffect(
    () => () => {
      if (isWide) setWideChart(null);
    },
    [isWide, setWideChart],
  );
  if (isWide && target?.element) {
    return (
      <>
        <p className="wide-slot__note">
          Shown in the wide area.{' '}
          <button type="button" className="link-button" onClick={() => setWideChart(null)}>
            Back to the design
          </button>
        </p>
        {createPortal(children(target.width > 0 ? target.width : undefined), target.element)}
      </>
    );
  }
  return (
    <>
      <div className="wide-slot__bar">
        <button
          type="button"
          className="tool wide-slot__open"
          onClick={() => setWideChart(chart)}
          aria-label={`Open wide: ${title}`}
          title={`Open ${title} in the wide area, at the width it needs`}
        >
          <Maximize2 size={13} aria-hidden /> Open wide
        </button>
      </div>
      {children(undefined)}
    </>
  );
}
