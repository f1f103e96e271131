// Package measures computes measures of ego networks: structure (size,
// density, Burt's structural holes, ego betweenness, brokerage),
// composition (diversity, homophily) and social capital, for one ego
// network, for every ego of a survey study (EgoTable) or for every node of
// a whole network taken as an ego (NodeTable, AllNodes). A study too large
// to hold is measured as it is read: StreamEgoTable (any streamable
// measure, in batches of EgoNets) or, for the structural measures alone,
// StreamEgoCSV (the egos' structure only, network.EgoGraph, measured with
// OfEgoGraph on every core and written as CSV in ego order).
//
// # Conventions
//
// N(i) is the set of ego i's alters: for directed data its in- and
// out-neighbours together, self excluded; n = |N(i)|. Undefined values are
// math.NaN() (NA in CSV, null in JSON). Self-loops are ignored and
// duplicate ties merged (weights summed) by the readers. Weights enter
// Burt's measures only (effective size, efficiency, constraint, hierarchy,
// redundancy, local constraint) and weighted density; every other
// structural measure counts ties by presence. A tie of weight 0 is
// present, as in networkx and igraph (an edge with weight 0 is still an
// edge): it counts in size, ties, density, components, isolates, ego
// betweenness and brokerage, and adds 0 to Burt's p and m (when all of a
// node's ties weigh 0, p = 0 as networkx computes it: constraint 0,
// effective size n, hierarchy NaN). Attribute measures skip
// alters whose value is missing; numeric values compare as numbers ("1"
// equals "1.0").
//
// Scope. In a survey ego network (Of, EgoTable) the ego network is all
// there is: the ego is tied to every alter (weight = the alter's ego–alter
// weight), so Burt's p and m are normalised within the ego network. In a
// whole network (Structural, AllNodes, NodeTable) Burt's measures use the
// whole-network model: p and m are normalised over each node's full
// neighbourhood, as networkx and igraph compute them.
//
// # Overview
//
//	measure (list name)    function            reference                        scope           undefined (NaN)
//	size                   Size                —                                ego excl.       never (0 allowed)
//	ties                   Ties                —                                alters only     never
//	density                Density             Wasserman & Faust 1994           alters only     n < 2
//	weighted_density       WeightedDensity     egor ego_density                 alters only     n < 2
//	components             Components          —                                alters only     never (0 if n = 0)
//	isolates               Isolates            —                                alters only     never
//	effective_size         EffectiveSize       Burt 1992; Borgatti 1997         whole/ego net   n = 0
//	efficiency             Efficiency          Burt 1992                        whole/ego net   n = 0
//	constraint             Constraint          Burt 1992                        whole/ego net   n = 0
//	(dyadic)               LocalConstraint     Burt 1992                        whole/ego net   0 if not adjacent
//	hierarchy              Hierarchy           Burt 1992                        whole/ego net   n < 2; C = 0 (all weights 0)
//	redundancy             Redundancy          Borgatti 1997                    whole/ego net   n = 0
//	ego_betweenness        EgoBetweenness      Everett & Borgatti 2005          ego network     never (0 if n < 2)
//	ego_betweenness_norm   (Stats field)       Everett & Borgatti 2005          ego network     n < 2
//	brokerage              Brokerage           Burt 1992; UCINET Broker         alters only     never
//	brokerage_norm         (Stats field)       —                                alters only     n < 2
//	richness(A)            Richness            —                                alters          never (0)
//	blau(A)                Blau                Blau 1977                        alters          no alter value
//	iqv(A)                 IQV                 Agresti & Agresti 1978           alters          no value, K < 2
//	entropy(A)             Entropy             Shannon 1948                     alters          no alter value
//	prop(A=V|W), prop(A>x) Prop, PropFunc      —                                alters          no alter value
//	count(A=V|W), (A>=x)   Count, CountFunc    —                                alters          never (0)
//	mean(A)                Mean                —                                alters          no alter value
//	sd(A)                  SD                  sample sd (n − 1)                alters          < 2 values
//	bonding(A)             BondingCount        McPherson et al. 2001            ego + alters    ego value missing
//	bridging(A)            BridgingCount       McPherson et al. 2001            ego + alters    ego value missing
//	ei(A)                  EIIndex             Krackhardt & Stern 1988          ego + alters    ego missing, no value
//	ei_alters(A)           EIAlters            Krackhardt & Stern 1988          alter–alter     no tie left
//	ei_alters_rescaled(A)  EIAltersRescaled    egor EI(rescale = TRUE)          alter–alter     no tie, P_E or P_I = 0
//	bonding, bridging,     Rules.Classify,     Putnam 2000; Szreter &           alters          never (0)
//	linking, unclassified  Capital             Woolcock 2004; Granovetter 1973
//	linking(A=V|W)         CountFunc           Szreter & Woolcock 2004          alters          never (0)
//	*_share                Capital             as above                         alters          n = 0
//	coordinator(A), …,     EgoBrokerageRoles,  Gould & Fernandez 1989;          ego network     ego value missing
//	liaison(A),            GouldFernandez      R sna::brokerage
//	roles_total(A)
//	lsns6, lsns6_family,   LSNS6, Scale.Score  Lubben et al. 2006               ego answers     an item missing
//	lsns6_friends,
//	lsns6_isolated
//	rguk_total, rguk(S),   RGUK, ResourceGen-  Webber & Huxley 2007;            ego answers     an item missing
//	rguk_tie(T), rg_…      erator.Score        van der Gaag & Snijders 2005
//	pg_extensity, pg_upper PositionGenerator.  Lin & Dumin 1986; Lin, Fu &      ego answers     none accessed (upper,
//	pg_range, pg_average,  Score               Hsung 2001                                       range, average); an
//	pg_total (each (T))                                                                         item missing
//	ring(V), ring_missing  Rings               Antonucci 1986                   alters          never (0)
//	multiplexity           Multiplexity        Verbrugge 1979                   alter–alter     no tie
//	multiplex_share        MultiplexShare      Verbrugge 1979                   alter–alter     no tie
//	tie_share(T)           TieShare            —                                alter–alter     no tie
//	ego_multiplexity       EgoTieMultiplexity  Verbrugge 1979                   ego–alter       n = 0
//	ego_tie_share(T)       EgoTieShare         —                                ego–alter       n = 0
//	(change)               ChangeTable,        Jaccard 1912                     two waves       ego absent in a wave;
//	                       AlterChange                                                          jaccard: no alters
//	  returned             WaveChanges         Fischer & Offer 2020             earlier waves   ego absent in a wave
//	  stability, turnover  Stability, Turnover —                                two waves       no alters before / at all
//	  closer, further      RingMoves           Antonucci 1986                   kept alters     never (0)
//	  role_changed,        AttrChanges,        —                                kept alters     never (0)
//	  class_changed        ClassChanges
//	  ties_*, broker_*     TieChurn,           Halgin & Borgatti 2012           kept alters     never (0)
//	                       BrokerChurn
//	(summary)              Summary             —                                per wave        no egos; density: n < 2
//
// Structural measures of EgoTable count people only by default: alters
// whose node type (alter attribute "type") is a person or missing;
// TableOptions.Types chooses (see TypeOptions). Compositional measures see every
// alter, so count(type=place) counts places.
//
// bonding and bridging without an attribute count the classes of the
// social-capital rules (TableOptions.Classifier, e.g. Rules from
// ReadRulesFrom); the Gould–Fernandez brokerage roles and the social-capital
// measures and instruments are documented at GouldFernandez,
// EgoBrokerageRoles, Rules, Capital and Instruments, change between waves at
// AlterChange, WaveChanges, ChangeTable (ChangeMeasures lists the change
// columns) and AlterChangeTable, and the study summary at Summary.
//
// # In plain words
//
// Describe says the measures of one map in words a person understands
// ("4 of the 28 pairs among your 8 people know each other (density
// 0.14)."), each Sentence carrying its measure name and numbers;
// DescribeChange and FollowUpOf say what changed between two meetings
// (kept, gone, new, moved closer or further, new role), alter by alter.
// Undefined measures are left out of the words, never said as NA.
//
// # Measures lists
//
// ParseList reads the measures-list syntax (also the command-line tool's): a
// comma-separated list of name, name(attr), name(attr=v1|v2),
// name(attr!=v), name(attr<x) (also <=, >, >=); commas inside parentheses
// belong to the item. Each item is also its output column's name. New
// measures plug into the registry without changes to the parser or the
// tables.
//
// # Attribute names
//
// The compositional measures (Mean, Blau, Prop, EIIndex, ...) take an
// attribute name. A name the dataset's alters do not have is a mistake in
// the calling code, not an undefined value: those functions panic with a
// message naming it, while NaN keeps meaning "undefined for this ego".
// Names that come from users are checked first: CheckAttrs returns an
// error, and Compute evaluates one measures-list item ("mean(age)") with
// every check of the tables, returning an error instead of panicking.
//
// # Shards
//
// Shard cuts the nodes of a graph into k contiguous ranges balanced by
// Σ (degree + 1); TableOptions.Nodes and AllNodesOptions.Nodes compute the
// rows of one range only, each row bit for bit that of the whole run, so
// separate processes (an HPC array job: sociogram nodes --shard I/K) can
// share the work and sociogram merge joins their parts.
//
// # Your own measures
//
// Register adds a measure (name, argument forms, function) that measures
// lists, EgoTable, NodeTable, ChangeTable, Compute, Names and the sociogram
// command's help then treat as a built-in one; see Measure.
//
// # Validation
//
// Every structural measure networkx defines is tested against networkx
// 2.8.8 (and constraint against python-igraph 0.10.2) to 1e-9 relative on
// ten graphs and two survey studies; the scripts, tables and exact calls
// are in the repository beside the tests. Published values (Borgatti 1997) and hand
// derivations are in the tests beside them.
//
// References:
//
//   - Blau, P. M. (1977). Inequality and Heterogeneity. Free Press.
//   - Borgatti, S. P. (1997). Structural holes: unpacking Burt's redundancy
//     measures. Connections 20(1):35–38.
//   - Burt, R. S. (1992). Structural Holes. Harvard University Press.
//   - Agresti, A. & Agresti, B. F. (1978). Statistical analysis of
//     qualitative variation. Sociological Methodology 9:204–237.
//     doi:10.2307/270810.
//   - Everett, M. & Borgatti, S. P. (2005). Ego network betweenness. Social
//     Networks 27(1):31–38. doi:10.1016/j.socnet.2004.11.007.
//   - Krackhardt, D. & Stern, R. N. (1988). Informal networks and
//     organizational crises. Social Psychology Quarterly 51(2):123–140.
//     doi:10.2307/2786835.
//   - McPherson, M., Smith-Lovin, L. & Cook, J. M. (2001). Birds of a
//     feather: homophily in social networks. Annual Review of Sociology
//     27:415–444. doi:10.1146/annurev.soc.27.1.415.
//   - Verbrugge, L. M. (1979). Multiplexity in adult friendships. Social
//     Forces 57(4):1286–1309. doi:10.2307/2577271.
//   - Shannon, C. E. (1948). A mathematical theory of communication. Bell
//     System Technical Journal 27(3):379–423.
//     doi:10.1002/j.1538-7305.1948.tb01338.x.
package measures
