/**
 * A Node module resolve hook (module.register): the bare specifier 'electron' becomes the fake
 * (data.target), exactly as Electron's own loader answers it with its built-in module. Everything
 * else resolves as Node resolves it, so a missing dependency or a wrong path in the bundle fails.
 */
let target;

export function initialize(data) {
  target = data.target;
}

export async function resolve(specifier, context, next) {
  if (specifier === 'electron' || specifier === 'electron/main') return { url: target, shortCircuit: true };
  return next(specifier, context);
}
