// The little of LitElement the elements use, on lit-html alone: LitElement and ReactiveElement
// weigh about 2.8 KB gzip, this about 0.8 KB (the module went from 14.07 KB to under its
// 12 KB budget). String attributes and reflected Boolean ones, styles adopted into the shadow root
// (constructable sheets, which a strict style-src allows; <style> where there are none), reactive
// controllers, and one update batched in a microtask: willUpdate, the controllers' hostUpdate,
// render, updated (LitElement's order).
import { render } from 'lit/html.js';

export interface Controller {
  hostConnected?(): void;
  hostDisconnected?(): void;
  hostUpdate?(): void;
}

/** A property backed by an attribute (its name lowercased unless given); Boolean: present or not, reflected. */
export type Properties = Record<string, { attribute?: string; type?: BooleanConstructor }>;

/** A stylesheet's text; the minifier collapses it at build time (scripts/minify-templates.ts). */
export const css = (text: TemplateStringsArray): string => text.join('');

/** One constructed sheet per text, shared by every element (under a strict style-src too). */
const sheets = new Map<string, CSSStyleSheet>();
const sheet = (text: string) => {
  let s = sheets.get(text);
  if (!s) sheets.set(text, (s = new CSSStyleSheet())), s.replaceSync(text);
  return s;
};

type Class = typeof ReactiveBase;
/** Each element class's attributes → properties, with the Boolean ones; made when it is defined. */
const attributes = new WeakMap<Class, Map<string, [name: string, boolean: boolean]>>();

function attributesOf(cls: Class) {
  let map = attributes.get(cls);
  if (map) return map;
  attributes.set(cls, (map = new Map()));
  for (let c = cls; c !== ReactiveBase; c = Object.getPrototypeOf(c)) {
    if (!Object.hasOwn(c, 'properties')) continue;
    for (const [name, { attribute, type }] of Object.entries(c.properties)) {
      const attr = attribute ?? name.toLowerCase();
      map.set(attr, [name, type === Boolean]);
      Object.defineProperty(cls.prototype, name, {
        get(this: ReactiveBase) {
          return this._values[name];
        },
        set(this: ReactiveBase, value: unknown) {
          if (this._values[name] === value) return;
          this._values[name] = value;
          if (type === Boolean) this.toggleAttribute(attr, !!value);
          this.requestUpdate();
        },
      });
    }
  }
  return map;
}

export abstract class ReactiveBase extends HTMLElement {
  // Declared only (no code): every element class gives its own.
  declare static properties: Properties;
  declare static styles: string[];

  static get observedAttributes(): string[] {
    // biome-ignore lint/complexity/noThisInStatic: `this` is the element's own class, not ReactiveBase
    return [...attributesOf(this).keys()];
  }

  declare readonly renderRoot: ShadowRoot;
  /** The properties' values (read and written by the accessors above). */
  _values: Record<string, unknown> = {};
  private _controllers: Controller[] = [];
  /** An update is queued; the element has been connected once (undefined: false). */
  private declare _pending?: boolean;
  private declare _ready?: boolean;

  constructor() {
    super();
    const cls = this.constructor as Class;
    const root = (this.renderRoot = this.attachShadow({ mode: 'open' }));
    if (root.adoptedStyleSheets) root.adoptedStyleSheets = cls.styles.map(sheet);
    else
      for (const text of cls.styles) root.append(Object.assign(document.createElement('style'), { textContent: text }));
    // A property set before the element was defined hides its accessor: hand it over.
    for (const [name] of attributesOf(cls).values())
      if (Object.hasOwn(this, name)) {
        const value = this[name as keyof this];
        delete this[name as keyof this];
        this[name as keyof this] = value;
      }
  }

  addController(controller: Controller): void {
    this._controllers.push(controller);
    if (this.isConnected) controller.hostConnected?.();
  }

  connectedCallback(): void {
    this._ready = true;
    for (const c of this._controllers) c.hostConnected?.();
    this.requestUpdate();
  }

  disconnectedCallback(): void {
    for (const c of this._controllers) c.hostDisconnected?.();
  }

  attributeChangedCallback(attr: string, _old: string | null, value: string | null): void {
    const [name, boolean] = attributesOf(this.constructor as Class).get(attr)!;
    (this as Record<string, unknown>)[name] = boolean ? value !== null : value;
  }

  requestUpdate(): void {
    if (this._pending) return;
    this._pending = true;
    queueMicrotask(() => {
      if (!this._ready) return void (this._pending = false); // connectedCallback asks again
      this._pending = false;
      this.willUpdate();
      for (const c of this._controllers) c.hostUpdate?.();
      render(this.render(), this.renderRoot, { host: this });
      this.updated();
    });
  }

  protected willUpdate(): void {}
  protected updated(): void {}
  protected abstract render(): unknown;
}
