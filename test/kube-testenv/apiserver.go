package main

import (
	"context"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"encoding/hex"
	"flag"
	"fmt"
	"net"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"time"

	"go.etcd.io/etcd/server/v3/embed"
	"k8s.io/client-go/tools/clientcmd"
	clientcmdapi "k8s.io/client-go/tools/clientcmd/api"
	"k8s.io/client-go/util/cert"
	"k8s.io/client-go/util/keyutil"
	"k8s.io/component-base/cli"
	apiserverapp "k8s.io/kubernetes/cmd/kube-apiserver/app"
)

// runAPIServer starts embedded etcd, then the stock kube-apiserver command in-process.
// It writes DIR/kubeconfig (admin token in system:masters) and, once /readyz answers and the
// default namespace exists, DIR/ready. SIGTERM shuts both down.
func runAPIServer(args []string) int {
	fs := flag.NewFlagSet("apiserver", flag.ExitOnError)
	dir := fs.String("dir", "", "state directory (certificates, etcd data, kubeconfig)")
	port := fs.Int("port", 16443, "kube-apiserver secure port on 127.0.0.1")
	etcdPort := fs.Int("etcd-port", 12379, "etcd client port; the peer port is this plus one")
	_ = fs.Parse(args)
	if *dir == "" {
		fmt.Fprintln(os.Stderr, "apiserver: --dir is required")
		return 2
	}
	if err := os.MkdirAll(*dir, 0o700); err != nil {
		fmt.Fprintln(os.Stderr, "apiserver:", err)
		return 1
	}
	_ = os.Remove(filepath.Join(*dir, "ready"))

	creds, err := writeCredentials(*dir, *port)
	if err != nil {
		fmt.Fprintln(os.Stderr, "apiserver: credentials:", err)
		return 1
	}
	etcd, err := startEtcd(filepath.Join(*dir, "etcd"), *etcdPort)
	if err != nil {
		fmt.Fprintln(os.Stderr, "apiserver: etcd:", err)
		return 1
	}
	defer etcd.Close()

	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	go announceReady(ctx, *dir, *port, creds)

	cmd := apiserverapp.NewAPIServerCommand()
	cmd.SetArgs(append(apiserverFlags(*dir, *port, *etcdPort), fs.Args()...))
	return cli.Run(cmd)
}

type credentials struct {
	token  string
	caData []byte
}

func writeCredentials(dir string, port int) (credentials, error) {
	certPEM, _, err := existingOr(dir, "apiserver.crt", "apiserver.key", func() ([]byte, []byte, error) {
		return cert.GenerateSelfSignedCertKey("127.0.0.1", []net.IP{net.ParseIP("127.0.0.1")}, []string{"localhost"})
	})
	if err != nil {
		return credentials{}, err
	}
	if _, err := os.Stat(filepath.Join(dir, "sa.key")); err != nil {
		saKey, err := keyutil.MakeEllipticPrivateKeyPEM()
		if err != nil {
			return credentials{}, err
		}
		if err := os.WriteFile(filepath.Join(dir, "sa.key"), saKey, 0o600); err != nil {
			return credentials{}, err
		}
	}
	token, err := adminToken(dir)
	if err != nil {
		return credentials{}, err
	}
	kubeconfig := clientcmdapi.NewConfig()
	kubeconfig.Clusters["restash-stack"] = &clientcmdapi.Cluster{
		Server:                   "https://127.0.0.1:" + strconv.Itoa(port),
		CertificateAuthorityData: certPEM,
	}
	kubeconfig.AuthInfos["admin"] = &clientcmdapi.AuthInfo{Token: token}
	kubeconfig.Contexts["restash-stack"] = &clientcmdapi.Context{Cluster: "restash-stack", AuthInfo: "admin", Namespace: "default"}
	kubeconfig.CurrentContext = "restash-stack"
	if err := clientcmd.WriteToFile(*kubeconfig, filepath.Join(dir, "kubeconfig")); err != nil {
		return credentials{}, err
	}
	return credentials{token: token, caData: certPEM}, nil
}

// existingOr keeps certificates across restarts of the stack so that kubeconfigs stay valid.
func existingOr(dir, certName, keyName string, generate func() ([]byte, []byte, error)) ([]byte, []byte, error) {
	certPath, keyPath := filepath.Join(dir, certName), filepath.Join(dir, keyName)
	certPEM, certErr := os.ReadFile(certPath)
	keyPEM, keyErr := os.ReadFile(keyPath)
	if certErr == nil && keyErr == nil {
		return certPEM, keyPEM, nil
	}
	certPEM, keyPEM, err := generate()
	if err != nil {
		return nil, nil, err
	}
	if err := os.WriteFile(certPath, certPEM, 0o600); err != nil {
		return nil, nil, err
	}
	return certPEM, keyPEM, os.WriteFile(keyPath, keyPEM, 0o600)
}

func adminToken(dir string) (string, error) {
	path := filepath.Join(dir, "admin.token")
	if b, err := os.ReadFile(path); err == nil && len(b) > 0 {
		return string(b), nil
	}
	raw := make([]byte, 32)
	if _, err := rand.Read(raw); err != nil {
		return "", err
	}
	token := hex.EncodeToString(raw)
	if err := os.WriteFile(path, []byte(token), 0o600); err != nil {
		return "", err
	}
	line := fmt.Sprintf("%s,admin,admin-uid,\"system:masters\"\n", token)
	return token, os.WriteFile(filepath.Join(dir, "tokens.csv"), []byte(line), 0o600)
}

func startEtcd(dataDir string, clientPort int) (*embed.Etcd, error) {
	cfg := embed.NewConfig()
	cfg.Dir = dataDir
	clientURL := url.URL{Scheme: "http", Host: "127.0.0.1:" + strconv.Itoa(clientPort)}
	peerURL := url.URL{Scheme: "http", Host: "127.0.0.1:" + strconv.Itoa(clientPort+1)}
	cfg.ListenClientUrls = []url.URL{clientURL}
	cfg.AdvertiseClientUrls = []url.URL{clientURL}
	cfg.ListenPeerUrls = []url.URL{peerURL}
	cfg.AdvertisePeerUrls = []url.URL{peerURL}
	cfg.InitialCluster = cfg.InitialClusterFromName(cfg.Name)
	cfg.UnsafeNoFsync = true
	cfg.LogLevel = "error"
	e, err := embed.StartEtcd(cfg)
	if err != nil {
		return nil, err
	}
	select {
	case <-e.Server.ReadyNotify():
		return e, nil
	case <-time.After(60 * time.Second):
		e.Close()
		return nil, fmt.Errorf("etcd did not become ready within 60s")
	}
}

func apiserverFlags(dir string, port, etcdPort int) []string {
	p := func(name string) string { return filepath.Join(dir, name) }
	return []string{
		"--etcd-servers=http://127.0.0.1:" + strconv.Itoa(etcdPort),
		"--bind-address=127.0.0.1",
		"--advertise-address=127.0.0.1",
		"--secure-port=" + strconv.Itoa(port),
		"--cert-dir=" + dir,
		"--tls-cert-file=" + p("apiserver.crt"),
		"--tls-private-key-file=" + p("apiserver.key"),
		"--token-auth-file=" + p("tokens.csv"),
		"--authorization-mode=RBAC",
		"--service-account-issuer=https://kubernetes.default.svc.cluster.local",
		"--service-account-key-file=" + p("sa.key"),
		"--service-account-signing-key-file=" + p("sa.key"),
		"--service-cluster-ip-range=10.0.0.0/24",
		"--endpoint-reconciler-type=none",
		"--allow-privileged=true",
		"--kubelet-preferred-address-types=InternalIP",
		"--v=0",
	}
}

func announceReady(ctx context.Context, dir string, port int, creds credentials) {
	pool := x509.NewCertPool()
	pool.AppendCertsFromPEM(creds.caData)
	client := &http.Client{
		Timeout:   2 * time.Second,
		Transport: &http.Transport{TLSClientConfig: &tls.Config{RootCAs: pool}},
	}
	base := "https://127.0.0.1:" + strconv.Itoa(port)
	for ctx.Err() == nil {
		if ok(client, base+"/readyz", creds.token) && ok(client, base+"/api/v1/namespaces/default", creds.token) {
			_ = os.WriteFile(filepath.Join(dir, "ready"), []byte(time.Now().Format(time.RFC3339)), 0o600)
			fmt.Println("READY")
			return
		}
		time.Sleep(200 * time.Millisecond)
	}
}

func ok(client *http.Client, url, token string) bool {
	req, _ := http.NewRequest(http.MethodGet, url, nil)
	req.Header.Set("Authorization", "Bearer "+token)
	resp, err := client.Do(req)
	if err != nil {
		return false
	}
	resp.Body.Close()
	return resp.StatusCode == http.StatusOK
}
