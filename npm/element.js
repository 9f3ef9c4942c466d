// <msl-departures lang="zh" state="dest=openai" theme="dark" label="…">, registered by importing 'msl-departures/element': the
// widget for pages whose authors paste HTML. It loads the wasm beside this module (init(), once per page), mounts in
// its own shadow root (mount(this, { shadow: true }): the page's CSS cannot reach it, and a strict style-src allows
// it), remounts when an attribute changes, keeping the reader's view, and unmounts when removed from the document.
// The attributes are read as the page's URL is: an unknown or invalid value is ignored, never an error.
import init, { mount } from './msl_departures.js';

let loaded;

class MslDepartures extends HTMLElement {
  static observedAttributes = ['lang', 'state', 'theme', 'label'];
  #handle = null;
  // The reader's view as onChange last reported it (a query string): a remount starts from it, not from scratch.
  #view = null;

  connectedCallback() {
    this.#render();
  }

  disconnectedCallback() {
    this.#handle?.unmount();
    this.#handle = null;
  }

  attributeChangedCallback(name, old, value) {
    if (old === value || !this.#handle) return; // before the first mount, #render reads the attributes anyway
    if (name === 'state') this.#view = null; // a new state replaces the reader's view
    this.#render();
  }

  async #render() {
    try {
      await (loaded ??= init());
      if (!this.isConnected) return; // removed while the wasm loaded
      this.#handle?.unmount();
      const view = new URLSearchParams(this.#view ?? this.getAttribute('state') ?? '');
      for (const key of ['lang', 'theme']) if (this.hasAttribute(key)) view.set(key, this.getAttribute(key));
      const options = { shadow: true, state: view.toString(), onChange: (query) => { this.#view = query; } };
      const label = this.getAttribute('label');
      try {
        this.#handle = mount(this, label === null ? options : { ...options, label });
      } catch (e) {
        // An invalid label (empty, too long) is ignored like any other attribute: mount() refused it and mounted nothing.
        if (label === null || !String(e?.message).includes('`label`')) throw e;
        this.#handle = mount(this, options);
      }
    } catch (e) {
      // The wasm could not load (a policy without 'wasm-unsafe-eval', a failed download): say so, as a panic would.
      console.error('msl-departures:', e);
      this.dispatchEvent(new CustomEvent('msl-departures:error', { bubbles: true, detail: String(e?.message ?? e) }));
    }
  }
}

if (!customElements.get('msl-departures')) customElements.define('msl-departures', MslDepartures);
