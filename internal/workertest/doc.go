// Package workertest holds the Worker's integration tests (build tag
// `integration`): the real `wrangler dev` serving build/worker and build/web
// against a fake data.gouv.fr that serves the data mirror and can
// misbehave. Run with `make integration` (after `make build`).
package workertest
