// Stand-in for Shopify's App Bridge (https://cdn.shopify.com/shopifycloud/app-bridge.js), served by
// the simulated shop for the demo and browser tests only. It does what the app relies on:
// session tokens (and the `shopify-reload` bounce), the Authorization header on the app's own
// fetches, and the parts of the `shopify` global the app calls (idToken, toast, saveBar).
(function () {
  if (window.shopify) return;
  var script = document.currentScript;
  var simulator = new URL(script.src).origin;
  var params = new URLSearchParams(location.search);
  var shop = params.get("shop") || sessionStorage.getItem("harbor-sim-shop");
  if (shop) sessionStorage.setItem("harbor-sim-shop", shop);

  function idToken() {
    return fetch(simulator + "/admin/session-token?shop=" + encodeURIComponent(shop || ""), {
      credentials: "omit",
    })
      .then(function (r) {
        if (!r.ok) throw new Error("Session token refused: " + r.status);
        return r.json();
      })
      .then(function (body) {
        return body.token;
      });
  }

  var reload = params.get("shopify-reload");
  if (reload) {
    idToken().then(function (token) {
      var target = new URL(reload, location.href);
      target.searchParams.set("id_token", token);
      location.replace(target.toString());
    });
    return;
  }

  var nativeFetch = window.fetch.bind(window);
  window.fetch = function (input, init) {
    var url = new URL(typeof input === "string" || input instanceof URL ? input : input.url, location.href);
    if (url.origin !== location.origin) return nativeFetch(input, init);
    return idToken().then(function (token) {
      var request = new Request(input, init);
      var headers = new Headers(request.headers);
      headers.set("Authorization", "Bearer " + token);
      return nativeFetch(new Request(request, { headers: headers }));
    });
  };

  function toast(message, options) {
    var el = document.createElement("div");
    el.setAttribute("role", "status");
    el.textContent = message;
    el.style.cssText =
      "position:fixed;bottom:24px;left:50%;transform:translateX(-50%);padding:12px 16px;border-radius:8px;" +
      "color:#fff;font:14px system-ui;z-index:1000;background:" + (options && options.isError ? "#8e1f0b" : "#303030");
    document.body.appendChild(el);
    setTimeout(function () {
      el.remove();
    }, (options && options.duration) || 3000);
    return String(Date.now());
  }

  function saveBarElement(id) {
    return document.getElementById(id);
  }

  window.shopify = {
    config: { apiKey: script.getAttribute("data-api-key"), shop: shop },
    environment: { embedded: true, mobile: false, pos: false },
    idToken: idToken,
    toast: { show: toast, hide: function () {} },
    loading: function () {},
    saveBar: {
      show: function (id) {
        var el = saveBarElement(id);
        if (el) el.setAttribute("data-visible", "true");
        return Promise.resolve();
      },
      hide: function (id) {
        var el = saveBarElement(id);
        if (el) el.removeAttribute("data-visible");
        return Promise.resolve();
      },
      toggle: function (id) {
        var el = saveBarElement(id);
        if (el) el.toggleAttribute("data-visible");
        return Promise.resolve();
      },
    },
  };

  // The real admin draws <ui-nav-menu> links in its own navigation, not inside the app: the
  // simulated admin page does the same with the links posted to it.
  var style = document.createElement("style");
  style.textContent = "ui-nav-menu,ui-title-bar{display:none}";
  document.head.appendChild(style);
  function publishNav() {
    var menu = document.querySelector("ui-nav-menu");
    if (!menu || window.parent === window) return;
    var links = Array.prototype.map.call(menu.querySelectorAll("a"), function (a) {
      return { label: a.textContent.trim(), href: a.getAttribute("href") };
    });
    window.parent.postMessage({ type: "harbor:nav", links: links }, simulator);
  }
  document.addEventListener("DOMContentLoaded", publishNav);
})();
