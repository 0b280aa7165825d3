export type Route =
  | { name: 'home' }
  | { name: 'profile' }
  | { name: 'settings' }
  | { name: 'join'; query: string }
  | { name: 'workshop'; workshopId: string; boardId?: string };

/** Hash routes work offline and from a saved link: the server only ever serves index.html. */
export function parseHash(hash: string): Route {
  const join = /^#\/?join\?(.*)$/.exec(hash);
  if (join) return { name: 'join', query: join[1]! };
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean).map(decodeURIComponent);
  if (parts[0] === 'profile') return { name: 'profile' };
  if (parts[0] === 'settings') return { name: 'settings' };
  if (parts[0] === 'w' && parts[1]) {
    return parts[2] === 'b' && parts[3]
      ? { name: 'workshop', workshopId: parts[1], boardId: parts[3] }
      : { name: 'workshop', workshopId: parts[1] };
  }
  return { name: 'home' };
}

export function hrefFor(route: Route): string {
  switch (route.name) {
    case 'home': return '#/';
    case 'profile': return '#/profile';
    case 'settings': return '#/settings';
    case 'join': return `#/join?${route.query}`;
    case 'workshop': {
      const base = `#/w/${encodeURIComponent(route.workshopId)}`;
      return route.boardId ? `${base}/b/${encodeURIComponent(route.boardId)}` : base;
    }
  }
}

export class Router {
  current = $state<Route>(parseHash(location.hash));
  constructor() {
    addEventListener('hashchange', () => { this.current = parseHash(location.hash); });
  }
  go(route: Route): void {
    location.hash = hrefFor(route);
  }
}
