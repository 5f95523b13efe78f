// kube-testenv runs the stock Kubernetes control plane for restash's local stack and tests.
//
// One multi-call binary (like busybox), dispatched on its first argument or on the name it is
// invoked under:
//
//	kube-testenv apiserver --dir DIR [--port 16443] [--etcd-port 12379] [-- extra apiserver flags]
//	kube-testenv controller-manager [stock kube-controller-manager flags]
//	kube-testenv kubectl ...            (or a symlink named kubectl)
package main

import (
	"fmt"
	"os"
	"path/filepath"
	_ "time/tzdata" // CronJob time zones

	_ "k8s.io/component-base/logs/json/register"
	_ "k8s.io/component-base/metrics/prometheus/clientgo"
	_ "k8s.io/component-base/metrics/prometheus/version"
)

func main() {
	name := filepath.Base(os.Args[0])
	args := os.Args[1:]
	if name == "kube-testenv" || name == "main" {
		if len(args) == 0 {
			usage()
		}
		name, args = args[0], args[1:]
	}
	switch name {
	case "apiserver", "kube-apiserver":
		os.Exit(runAPIServer(args))
	case "controller-manager", "kube-controller-manager":
		os.Exit(runControllerManager(args))
	case "kubectl":
		runKubectl(args)
	default:
		usage()
	}
}

func usage() {
	fmt.Fprintln(os.Stderr, "usage: kube-testenv apiserver|controller-manager|kubectl [flags]")
	os.Exit(2)
}
