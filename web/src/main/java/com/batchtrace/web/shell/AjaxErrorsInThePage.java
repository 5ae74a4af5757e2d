package com.batchtrace.web.shell;

import jakarta.faces.FacesException;
import jakarta.faces.context.ExceptionHandler;
import jakarta.faces.context.ExceptionHandlerFactory;
import jakarta.faces.context.ExceptionHandlerWrapper;
import jakarta.faces.context.FacesContext;
import org.primefaces.application.exceptionhandler.PrimeExceptionHandler;

/**
 * Where an error of a page ends up. A page request keeps the standard way: the server answers with
 * the error status and web.xml's error page (500, expired view). An AJAX request has no error page:
 * left alone its error would vanish without a word, so PrimeFaces' handler renders the layout's
 * message instead (p:ajaxExceptionHandler in layout.xhtml).
 */
public class AjaxErrorsInThePage extends ExceptionHandlerFactory {

  public AjaxErrorsInThePage(ExceptionHandlerFactory wrapped) {
    super(wrapped);
  }

  @Override
  public ExceptionHandler getExceptionHandler() {
    ExceptionHandler standard = getWrapped().getExceptionHandler();
    ExceptionHandler inThePage = new PrimeExceptionHandler(standard);
    return new ExceptionHandlerWrapper(standard) {
      @Override
      public void handle() throws FacesException {
        FacesContext context = FacesContext.getCurrentInstance();
        if (context != null && context.getPartialViewContext().isAjaxRequest()) {
          inThePage.handle();
        } else {
          super.handle();
        }
      }
    };
  }
}
