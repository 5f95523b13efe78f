package main

import (
	"k8s.io/component-base/cli"
	controllermanagerapp "k8s.io/kubernetes/cmd/kube-controller-manager/app"
)

// runControllerManager runs the stock kube-controller-manager command; the stack passes
// --kubeconfig, --controllers and the service-account key.
func runControllerManager(args []string) int {
	cmd := controllermanagerapp.NewControllerManagerCommand()
	cmd.SetArgs(args)
	return cli.Run(cmd)
}
