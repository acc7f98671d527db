import { useOnViewportChange, useReactFlow, useStore, useStoreApi, type Viewport } from '@xyflow/react';
import { useCallback, useContext, useEffect, useRef, type RefObject } from 'react';
import { AgendaContext } from './AgendaContext';
import { VIEWPORT_FIELD, findPresenter, sameRect, visibleRect, type ViewRect } from './viewport';

/** A presenter's view goes out at most ten times a second while the canvas moves, and once when it stops. */
const PUBLISH_INTERVAL_MS = 100;
/** Followers glide to the new view rather than jump, which would lose the eye. */
const FOLLOW_DURATION_MS = 300;
/** While a follower types, how often to check whether they have stopped, to catch up with the presenter. */
const TYPING_RETRY_MS = 500;

/** Whether focus is in a text field: a follower who is typing is never moved. */
function isTyping(): boolean {
  const element = document.activeElement;
  return (
    element instanceof HTMLInputElement ||
    element instanceof HTMLTextAreaElement ||
    (element instanceof HTMLElement && element.isContentEditable)
  );
}

/**
 * "Presentar mi vista" and "Seguir al facilitador" for a React Flow canvas; call it inside the canvas component.
 * A presenting facilitator's visible rectangle goes into their awareness state; a follower fits the presenter's
 * rectangle into their own canvas (again when the canvas changes size), except while typing, and catches up once
 * they stop; `followed` says whether a presenter's view is being shown, for the canvas's own fitting to stay out of
 * its way. Outside an agenda page it does nothing.
 */
export function useFollowViewport(followed: RefObject<boolean>): void {
  const room = useContext(AgendaContext);
  const flow = useReactFlow();
  const store = useStoreApi();
  const awareness = room?.connection.awareness ?? null;
  const presenting = room !== null && room.role === 'facilitator' && room.presenting;
  const following = room !== null && room.following && !presenting;
  const lastPublished = useRef(0);
  const paneWidth = useStore((state) => state.width);
  const paneHeight = useStore((state) => state.height);

  const publish = useCallback(
    (viewport: Viewport) => {
      if (awareness === null) return;
      const { width, height } = store.getState();
      if (width === 0 || height === 0) return;
      lastPublished.current = performance.now();
      awareness.setLocalStateField(VIEWPORT_FIELD, visibleRect(viewport, width, height));
    },
    [awareness, store],
  );

  useOnViewportChange({
    onChange: (viewport) => {
      if (presenting && performance.now() - lastPublished.current >= PUBLISH_INTERVAL_MS) publish(viewport);
    },
    onEnd: (viewport) => {
      if (presenting) publish(viewport);
    },
  });

  useEffect(() => {
    if (!presenting || awareness === null) return;
    publish(flow.getViewport());
    return () => awareness.setLocalStateField(VIEWPORT_FIELD, null);
  }, [presenting, awareness, flow, publish]);

  useEffect(() => {
    if (!following || awareness === null) return;
    // Also run again when the canvas changes size: `shown` starts empty, so the presenter's view is fitted anew.
    let shown: ViewRect | null = null;
    let waiting: ViewRect | null = null;
    let retry: ReturnType<typeof setInterval> | undefined;
    const show = (rect: ViewRect) => {
      if (isTyping()) {
        // Look again shortly: a field that is removed (an editor closing on Enter) may never report losing focus.
        waiting = rect;
        retry ??= setInterval(() => {
          if (waiting !== null && !isTyping()) show(waiting);
        }, TYPING_RETRY_MS);
        return;
      }
      clearInterval(retry);
      retry = undefined;
      waiting = null;
      shown = rect;
      void flow.fitBounds(rect, { padding: 0, duration: FOLLOW_DURATION_MS });
    };
    const onChange = () => {
      const presenter = findPresenter(awareness.getStates(), awareness.clientID);
      followed.current = presenter !== null;
      if (presenter === null || (shown !== null && sameRect(shown, presenter.rect))) return;
      show(presenter.rect);
    };
    awareness.on('change', onChange);
    onChange();
    return () => {
      clearInterval(retry);
      awareness.off('change', onChange);
      followed.current = false;
    };
  }, [following, awareness, flow, followed, paneWidth, paneHeight]);
}
