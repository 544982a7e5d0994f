package server_test

import (
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/json"
	"encoding/pem"
	"math/big"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"testing"
	"time"

	"partneryste/data/server"
	"partneryste/data/serverstore"
	"partneryste/data/wire"
)

// writeSelfSignedCert writes a certificate for 127.0.0.1 and its key as PEM
// files and returns their paths and the certificate.
func writeSelfSignedCert(t *testing.T) (certFile, keyFile string, cert *x509.Certificate) {
	t.Helper()
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	template := &x509.Certificate{
		SerialNumber: big.NewInt(1),
		Subject:      pkix.Name{CommonName: "partneryste test"},
		NotBefore:    time.Now().Add(-time.Hour),
		NotAfter:     time.Now().Add(time.Hour),
		IPAddresses:  []net.IP{net.IPv4(127, 0, 0, 1)},
		KeyUsage:     x509.KeyUsageDigitalSignature,
		ExtKeyUsage:  []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth},
	}
	der, err := x509.CreateCertificate(rand.Reader, template, template, &key.PublicKey, key)
	if err != nil {
		t.Fatal(err)
	}
	cert, err = x509.ParseCertificate(der)
	if err != nil {
		t.Fatal(err)
	}
	keyDER, err := x509.MarshalECPrivateKey(key)
	if err != nil {
		t.Fatal(err)
	}

	dir := t.TempDir()
	certFile = filepath.Join(dir, "cert.pem")
	keyFile = filepath.Join(dir, "key.pem")
	if err := os.WriteFile(certFile, pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der}), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(keyFile, pem.EncodeToMemory(&pem.Block{Type: "EC PRIVATE KEY", Bytes: keyDER}), 0o600); err != nil {
		t.Fatal(err)
	}
	return certFile, keyFile, cert
}

func TestServe_TLS(t *testing.T) {
	certFile, keyFile, cert := writeSelfSignedCert(t)
	store, err := serverstore.Open(filepath.Join(t.TempDir(), "server.db"), serverstore.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()

	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	served := make(chan error, 1)
	go func() {
		served <- server.New(store, server.Options{}).Serve(ctx, ln, server.ServeConfig{CertFile: certFile, KeyFile: keyFile})
	}()

	pool := x509.NewCertPool()
	pool.AddCert(cert)
	client := &http.Client{Transport: &http.Transport{TLSClientConfig: &tls.Config{RootCAs: pool}}}
	url := "https://" + ln.Addr().String() + wire.PathHealth

	resp, err := client.Get(url)
	if err != nil {
		t.Fatalf("GET over TLS: %v", err)
	}
	var health wire.HealthResponse
	err = json.NewDecoder(resp.Body).Decode(&health)
	resp.Body.Close()
	if err != nil || health.Status != "ok" {
		t.Errorf("health over TLS = %+v (%v), want ok", health, err)
	}
	if resp.TLS == nil {
		t.Error("response did not come over TLS")
	}

	plain, err := http.Get("http://" + ln.Addr().String() + wire.PathHealth)
	if err == nil {
		if plain.StatusCode == http.StatusOK {
			t.Error("plain HTTP got 200 from the TLS server")
		}
		plain.Body.Close()
	}

	cancel()
	if err := <-served; err != nil {
		t.Errorf("Serve after cancel = %v, want nil", err)
	}
}

func TestServe_tlsNeedsBoth(t *testing.T) {
	store, err := serverstore.Open(filepath.Join(t.TempDir(), "server.db"), serverstore.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()

	err = server.New(store, server.Options{}).Serve(context.Background(), ln, server.ServeConfig{CertFile: "cert.pem"})
	if err == nil {
		t.Error("Serve with a certificate and no key returned nil, want an error")
	}
}
