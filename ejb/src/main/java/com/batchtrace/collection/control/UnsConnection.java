package com.batchtrace.collection.control;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;

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
}
