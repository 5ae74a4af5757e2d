package com.batchtrace.collection.control;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;

/**
 * How the collector logs in to the plant's broker: with its own user and password (the broker
 * refuses anonymous clients), and for an {@code ssl://} address over TLS, trusting only the CA in
 * BATCHTRACE_MQTT_CA_FILE (PEM) when one is set, else the JVM's trusted CAs; the broker's name is
 * checked against its certificate.
 */
public final class UnsConnection {

  private UnsConnection() {}

  /** Connect options for {@code url} as {@code username}; TLS for ssl:// addresses. */
  public static MqttConnectOptions options(
      String url, String username, String password, String caFile) {
    MqttConnectOptions options = new MqttConnectOptions();
    if (username != null && !username.isBlank()) {
      options.setUserName(username);
      options.setPassword(password == null ? new char[0] : password.toCharArray());
    }
    if (url.startsWith("ssl://")) {
      options.setHttpsHostnameVerificationEnabled(true);
      if (caFile != null && !caFile.isBlank()) {
        options.setSocketFactory(trusting(Path.of(caFile)).getSocketFactory());
      }
    }
    return options;
  }

  /** A TLS context that trusts the CA certificates in the PEM file and nothing else. */
  static SSLContext trusting(Path caFile) {
    try (InputStream in = Files.newInputStream(caFile)) {
      KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
      trusted.load(null, null);
      int n = 0;
      for (Certificate ca : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
        trusted.setCertificateEntry("ca-" + n++, ca);
      }
      if (n == 0) {
        throw new IllegalArgumentException("no certificate in " + caFile);
      }
      TrustManagerFactory trust =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      trust.init(trusted);
      SSLContext tls = SSLContext.getInstance("TLS");
      tls.init(null, trust.getTrustManagers(), null);
      return tls;
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalArgumentException(
          "The broker's CA file " + caFile + " cannot be read: " + e.getMessage(), e);
    }
  }

  /**
   * Connects, waiting at most {@code within} for the broker's answer. Paho bounds only the TCP and
   * TLS set-up by the connection timeout; a broker that takes the connection and never answers (or
   * drops it just as it answers) leaves its connect waiting for ever. Later operations wait as
   * Paho's default (no bound): a subscription is acknowledged when the broker gets to it.
   */
  public static void connect(MqttClient client, MqttConnectOptions options, Duration within)
      throws MqttException {
    client.setTimeToWait(within.toMillis());
    try {
      client.connect(options);
    } finally {
      client.setTimeToWait(-1);
    }
  }

  /**
   * Disconnects and closes the client for good, waiting at most {@code within}. With automatic
   * reconnect on, a client whose connection was just lost may be in the middle of reconnecting:
   * Paho then refuses to close it, and a client left so connects again after the application has
   * stopped, under the same client id as the next one (each takes the session from the other). So a
   * close refused for a connect in progress is tried again until that connect has ended; once
   * closed, Paho's pending reconnect finds the client closed and stops. Paho's disconnect can also
   * wait without end on a connection lost meanwhile; the work runs on a thread of {@code threads}
   * and is left to finish on its own after the bound.
   *
   * @return whether the client was closed within the bound
   */
  public static boolean close(MqttClient client, ThreadFactory threads, Duration within)
      throws InterruptedException {
    long deadline = System.nanoTime() + within.toNanos();
    AtomicBoolean closed = new AtomicBoolean();
    Thread closer = threads.newThread(() -> closed.set(closeBefore(client, deadline)));
    closer.setName("uns-close");
    closer.setDaemon(true);
    closer.start();
    closer.join(Math.max(1, within.toMillis()));
    return closed.get();
  }

  private static boolean closeBefore(MqttClient client, long deadline) {
    while (System.nanoTime() < deadline) {
      try {
        // Also ends a connect in progress; a DISCONNECT is sent only on a live connection.
        client.disconnectForcibly(0, 1000, client.isConnected());
      } catch (MqttException | RuntimeException e) {
        // the close below says whether the client can be closed
      }
      try {
        client.close(true);
        return true;
      } catch (MqttException e) {
        if (e.getReasonCode() == MqttException.REASON_CODE_CLIENT_CLOSED) {
          return true;
        }
        // A reconnect started meanwhile: tried again.
        try {
          Thread.sleep(100);
        } catch (InterruptedException stop) {
          Thread.currentThread().interrupt();
          return false;
        }
      }
    }
    return false;
  }
}
