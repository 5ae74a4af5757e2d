package com.batchtrace.web.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The client address in audit rows: X-Forwarded-For is believed only from the plant's proxies. */
@Tag("URS-055")
class ClientAddressTest {

  private static final Set<String> PROXY = Set.of("10.0.0.5");

  @Test
  void aForgedHeaderFromAnyOtherPeerIsIgnored() {
    assertEquals("192.168.7.20", SignedInUser.clientAddress("192.168.7.20", "6.6.6.6", PROXY));
    assertEquals("192.168.7.20", SignedInUser.clientAddress("192.168.7.20", "6.6.6.6", Set.of()));
  }

  @Test
  void behindAPlantProxyTheClientIsTheHopItAdded() {
    assertEquals("192.168.7.20", SignedInUser.clientAddress("10.0.0.5", "192.168.7.20", PROXY));
    assertEquals(
        "192.168.7.20",
        SignedInUser.clientAddress("10.0.0.5", "6.6.6.6, 192.168.7.20", PROXY),
        "a hop the client wrote itself before the proxy's is not believed");
  }

  @Test
  void withoutTheHeaderThePeerIsTheClient() {
    assertEquals("10.0.0.5", SignedInUser.clientAddress("10.0.0.5", null, PROXY));
    assertEquals("10.0.0.5", SignedInUser.clientAddress("10.0.0.5", " , ", PROXY));
  }
}
