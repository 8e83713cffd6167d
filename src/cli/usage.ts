/** The CLI's help text. */
export const USAGE = `Usage: stocklab <command> [options]

Commands:
  run <scenario.json>        run every replication of every policy variant; print network KPIs (or
                             each stock point's or product's, --by)
  validate <scenario.json>   check a scenario file; print every problem at its field

  sweep <scenario.json>      run a grid of one or two policy parameters at a product's stock points;
                             the chosen KPI over the grid and the service-vs-holding-cost frontier
  optimize <scenario.json>   find the grid point that minimises a KPI (under a service floor): screen
                             the grid, confirm the best few, say if the winner beats the runner-up
  sensitivity <scenario.json>  move each input (demand, its variability, lead times, churn, holding
                             cost) by -x% and +x% in turn; a KPI's response, largest first (tornado)
  compare <scenario.json>    compare the policy variants pairwise on common random numbers: each
                             KPI's paired difference with its 95% interval, and a sentence per pair

Options of run:
  --replications N   replications per variant (default: the scenario's "replications")
  --seed S           experiment seed, a whole number or a string (default: the scenario's "seed")
  --days D           horizon in days (default: the scenario's "horizonDays")
  --workers N        worker threads (default: available CPUs, at most one per run)
  --json             print the full experiment result as JSON on stdout, nothing else
  --by LEVEL         the KPIs of each stock point (LEVEL stock-point) or product (product), per
                     variant, instead of the network's; with --json, those rows only
  --csv              print the KPIs as CSV: one row per variant (per variant and stock point or
                     product with --by), each KPI's mean and 95% half-width
  --memory MB        each worker thread's memory limit (default: 3/4 of the machine's memory
                     shared by the threads and the main one, 256 to 4096 MB)
  --allow-files-outside   read CSV files the scenario names outside the scenario's folder
  --allow-large      run even when the run's estimated memory (over 2 GB) or computing time (over
                     6 hours on one core) is refused as too large for this machine
  -h, --help         show this help

Options of validate:
  --allow-files-outside   as for run
  --allow-large      do not report a run too large for this machine (as for run)

Options of compare (and --replications, --seed, --days, --workers, --memory, --json as for run):
  --baseline ID      compare every variant to this one (default: every pair)
  --kpis K1,K2       the KPIs to compare (default: every KPI that applies)
  --precision KPI=H  add replications until KPI's 95% half-width is at most H for every variant
                     (a rate as a fraction: fillRate=0.002 is 0.2 points)
  --max-replications N   the cap for --precision (default 1000)
  --csv              print the paired differences as CSV

Options of sweep (and --replications, --seed, --days, --workers, --memory, --json as for run):
  --product ID       the product whose stock points' policies are swept (required)
  --node ID          only the stock point at this node
  --param NAME=FROM:TO:STEP   a policy parameter and its values (or NAME=V1,V2,...); once or twice
  --kpi KPI          the KPI shown on the grid (default totalCost)
  --from VARIANT     the variant whose policies the sweep starts from (default the first)
  --csv              print every grid point's KPIs as CSV

Options of optimize (and --product, --node, --param, --from as for sweep; --replications, --seed,
--days, --workers, --memory, --json as for run):
  --objective KPI    the network KPI to minimise (default totalCost)
  --constraint KPI>=VALUE   a floor the winner must meet, e.g. fillRate>=0.95
  --replications N   replications per grid point in the screening (default: the scenario's)
  --confirm-replications N  replications for each kept candidate (default 4 x the screening's)
  --top N            candidates kept for confirmation (default 3)
  --csv              print every screened grid point and confirmed candidate as CSV

Options of sensitivity (and --replications, --seed, --days, --workers, --memory, --json as for run):
  --by PERCENT       how far each input moves, down and up (default 20)
  --kpi KPI          the network KPI read (default totalCost)
  --variant ID       the policy variant analysed (default the first)

Exit status: 0 done, 1 internal error, out of memory or output not written, 2 bad usage or invalid
scenario, 130 interrupted (Ctrl-C).
`;
