package org.custodian.platform.web;

import jakarta.faces.application.ViewHandler;
import jakarta.faces.application.ViewHandlerWrapper;
import jakarta.faces.component.UIViewRoot;
import jakarta.faces.context.FacesContext;

/**
 * The public pages (/public/, no sign-in) start out stateless: a visitor reading a policy gets no
 * HTTP session. Their template says so too ({@code <f:view transient>}), but only once the page is
 * built, which is after PrimeFaces' CSP mode has issued the page's script nonce; issuing it for a
 * view that is not (yet) transient keeps it in the view map, and the view map lives in the session.
 * A page that keeps state (the comment form) turns the flag off again when it is built.
 */
public class PublicViews extends ViewHandlerWrapper {

  public PublicViews(ViewHandler wrapped) {
    super(wrapped);
  }

  @Override
  public UIViewRoot createView(FacesContext context, String viewId) {
    UIViewRoot root = super.createView(context, viewId);
    if (viewId != null && viewId.startsWith("/public/")) {
      root.setTransient(true);
    }
    return root;
  }
}
