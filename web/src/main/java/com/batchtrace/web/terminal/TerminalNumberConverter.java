package com.batchtrace.web.terminal;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import jakarta.faces.convert.Converter;
import jakarta.faces.convert.ConverterException;
import jakarta.faces.convert.FacesConverter;
import java.math.BigDecimal;

/**
 * The terminal's number fields (f:converter converterId="bt.terminalNumber"): the number as typed
 * in the terminal's language ({@link TerminalNumbers}), refused with its reason in that language.
 */
@FacesConverter("bt.terminalNumber")
public class TerminalNumberConverter implements Converter<BigDecimal> {

  @Override
  public BigDecimal getAsObject(FacesContext context, UIComponent component, String value) {
    try {
      return TerminalNumbers.parse(value, TerminalText.locale()).orElse(null);
    } catch (TerminalNumbers.Refused refused) {
      throw new ConverterException(
          new FacesMessage(FacesMessage.SEVERITY_ERROR, refused.text(), null));
    }
  }

  @Override
  public String getAsString(FacesContext context, UIComponent component, BigDecimal value) {
    return TerminalNumbers.show(value, TerminalText.locale());
  }
}
