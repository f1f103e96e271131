package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log"
	"net"
	"os/user"
	"strconv"
	"strings"
	"syscall"

	"github.com/sociogram/sociogram/mapserver"
	"github.com/sociogram/sociogram/measures"
	"github.com/sociogram/sociogram/store"
)

// defaultServeAddr is where serve listens without --addr: the loopback
// interface only, so that nothing is served to the network.
const defaultServeAddr = "127.0.0.1:8019"

// servePortsTried is how many ports from the default serve tries when
// the default is taken (as Jupyter does).
const servePortsTried = 20

func init() {
	register(&command{
		name:    "serve",
		summary: "the mapping page: draw a person's network with them in a browser",
		usage: `Usage: sociogram serve --data STUDY.db [--addr HOST:PORT] [--worker NAME]
       [--sectors LIST] [--classify RULES.json] [--instruments FILE]

Serves the mapping page, in which a worker and the person they support
draw the person's network together: people, places and services placed
by closeness (rings 1 = closest to 3) and role (sectors), the ties among
them, the measures of the map in words, goals and their levels, and at a
later meeting a follow-up that starts from the last map, with the
before/after and goals pictures and a one-page PDF for the person's file.
Everything is kept, with a change log, in the study database STUDY.db
(SQLite; created when missing; sociogram import/export convert it to
and from the three-table files). Nothing is written anywhere else.

Everything the page needs is inside this program: it works offline, and
asks nothing of any other host. It listens on 127.0.0.1 (this computer
only) unless --addr says otherwise, and prints the address to open, with
a random access token that changes at every start:

  http://127.0.0.1:8019/?token=...

Without the token nothing is served. Stop it with Ctrl-C.

  --addr        where to listen (default 127.0.0.1:8019, or the next free
                port up to 8038); a host that is not loopback (e.g.
                0.0.0.0, for a tablet on the same network) is warned about:
                anyone who can reach it and has the token sees the data;
                on 0.0.0.0 the URLs for another device (this machine's
                network addresses) are printed under the first
  --worker      the name the change log gives every change (default: the
                user's login name)
  --sectors     the roles of the map's sectors, clockwise from 12 o'clock
                (default family,friend,neighbour,group,professional)
  --classify    bonding/bridging/linking rules (as sociogram egos
                --classify) for the measures in words
  --instruments instrument items (as sociogram egos --instruments), for
                the LSNS-6 sentence

Examples:
  sociogram import --data study.db --egos egos.csv --alters alters.csv --ties aaties.csv
  sociogram serve --data study.db
`,
		run: runServe,
	})
}

func runServe(args []string, stdout, stderr io.Writer) error {
	fs := newFlags(commands["serve"], stderr)
	data := fs.String("data", "", "the study database `FILE` (SQLite); created when missing; required")
	addr := fs.String("addr", defaultServeAddr, "`HOST:PORT` to listen on")
	worker := fs.String("worker", "", "the `NAME` in the change log (default: the login name)")
	sectors := fs.String("sectors", "", "the map's sectors, comma-separated `ROLES`, clockwise from 12 o'clock")
	rulesFile := fs.String("classify", "", "bonding/bridging/linking classification rules `FILE` (JSON)")
	instFile := fs.String("instruments", "", "instrument items `FILE` (JSON), for LSNS-6")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *data == "" {
		return usagef("--data STUDY.db is required (the study database; created when missing)")
	}
	addrGiven := false
	fs.Visit(func(f *flag.Flag) {
		if f.Name == "addr" {
			addrGiven = true
		}
	})
	opt := mapserver.Options{Worker: *worker, ErrorLog: log.New(stderr, "sociogram serve: ", 0)}
	if opt.Worker == "" {
		if u, err := user.Current(); err == nil {
			opt.Worker = u.Username
		}
	}
	if *sectors != "" {
		for _, s := range strings.Split(*sectors, ",") {
			opt.Sectors = append(opt.Sectors, strings.TrimSpace(s))
		}
	}
	if *rulesFile != "" {
		rs, err := measures.ReadRules(*rulesFile)
		if err != nil {
			return err
		}
		opt.Rules = rs
	}
	if *instFile != "" {
		in, err := measures.ReadInstruments(*instFile)
		if err != nil {
			return err
		}
		opt.Instruments = in
	}
	st, err := store.Open(*data, store.Options{})
	if err != nil {
		return err
	}
	srv, err := mapserver.New(st, opt)
	if err != nil {
		st.Close()
		return err
	}
	ln, err := listenServe(*addr, !addrGiven)
	if err != nil {
		st.Close()
		return err
	}
	shown := ln.Addr()
	var others []string
	if !mapserver.IsLoopback(ln.Addr().String()) {
		host, _, _ := net.SplitHostPort(*addr)
		tcp, _ := ln.Addr().(*net.TCPAddr)
		where := net.JoinHostPort(host, strconv.Itoa(tcp.Port))
		fmt.Fprintf(stderr, "sociogram serve: warning: listening on %s, which is not this computer only: anyone who can reach it and has the token can read and change the study\n", where)
		if tcp.IP.IsUnspecified() {
			// Every interface: the URL printed is the one that works
			// on this computer; another device uses this one's address.
			shown = &net.TCPAddr{IP: net.IPv4(127, 0, 0, 1), Port: tcp.Port}
			ifs, _ := net.InterfaceAddrs() // none listed when unknown
			for _, h := range otherDeviceHosts(ifs, tcp.IP.To4() != nil) {
				others = append(others, srv.URL(&net.TCPAddr{IP: h, Port: tcp.Port}))
			}
		}
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	setInterrupt(cancel)
	defer setInterrupt(nil)
	fmt.Fprintln(stdout, srv.URL(shown))
	if len(others) > 0 {
		fmt.Fprintln(stdout, "from another device on this network, open one of:")
		for _, u := range others {
			fmt.Fprintln(stdout, "  "+u)
		}
	}
	err = srv.Serve(ctx, ln)
	if cerr := st.Close(); err == nil {
		err = cerr
	}
	return err
}

// listenServe listens on addr; for the default address, a port taken by
// another program moves it to the next of servePortsTried ports.
func listenServe(addr string, isDefault bool) (net.Listener, error) {
	ln, err := net.Listen("tcp", addr)
	if err == nil || !isDefault || !errors.Is(err, syscall.EADDRINUSE) {
		if err != nil {
			return nil, fmt.Errorf("--addr %s: %w", addr, err)
		}
		return ln, nil
	}
	host, port, _ := net.SplitHostPort(addr)
	p, _ := strconv.Atoi(port)
	for i := 1; i < servePortsTried; i++ {
		if ln, err2 := net.Listen("tcp", net.JoinHostPort(host, strconv.Itoa(p+i))); err2 == nil {
			return ln, nil
		}
	}
	return nil, fmt.Errorf("--addr %s: %w (and the next %d ports are taken too; give --addr 127.0.0.1:0 for any free port)", addr, err, servePortsTried-1)
}

// otherDeviceHosts returns the addresses of addrs (the machine's interface
// addresses) at which another device can reach a server listening on
// every interface: not loopback, not link-local (an IPv6 link-local
// address needs a zone a browser does not take), IPv4 only when v4only.
func otherDeviceHosts(addrs []net.Addr, v4only bool) []net.IP {
	var out []net.IP
	for _, a := range addrs {
		n, ok := a.(*net.IPNet)
		if !ok || n.IP.IsLoopback() || n.IP.IsLinkLocalUnicast() || !n.IP.IsGlobalUnicast() {
			continue
		}
		if v4only && n.IP.To4() == nil {
			continue
		}
		out = append(out, n.IP)
	}
	return out
}
