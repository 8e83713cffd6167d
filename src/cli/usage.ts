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
  recommend <scenario.json>  the cheapest parameters of a policy that keep each stock point (or product)
                             at a service target with 95% confidence, confirmed on fresh seeds
  sensitivity <scenario.json>  move each input (demand, its variability, lead times, churn, holding
                             cost) by -x% and +x% in turn; a KPI's response, largest first (tornado)
  compare <scenario.json>    compare the policy variants pairwise on common random numbers: each
                             KPI's paired difference with its 95% interval, and a sentence per pair
  worker --redis URL         take replication jobs from the queue on Redis (BullMQ) and run them on
                             this machine's cores, for the commands run with --redis URL
  import --demand FILE       turn a sales history (CSV or XLSX; a SKU master with --master) into a
                             scenario: demand fitted per SKU and location, policies, an import report

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
  --redis URL        run the replications as jobs of the queue on Redis at URL, taken by
                     \`stocklab worker\` processes on any machines; the same result as a local run
                     (compare, sweep, optimize, recommend and sensitivity take it too)
  --tasks-per-job N  with --redis: N runs per job, instead of jobs of about 5 s by the estimate
  -h, --help         show this help

Options of validate:
  --allow-files-outside   as for run
  --allow-large      do not report a run too large for this machine (as for run)

Options of compare (and --replications, --seed, --days, --workers, --memory, --json, --redis as
for run):
  --baseline ID      compare every variant to this one (default: every pair)
  --kpis K1,K2       the KPIs to compare (default: every KPI that applies)
  --precision KPI=H  add replications until KPI's 95% half-width is at most H for every variant
                     (a rate as a fraction: fillRate=0.002 is 0.2 points)
  --max-replications N   the cap for --precision (default 1000)
  --csv              print the paired differences as CSV

Options of sweep (and --replications, --seed, --days, --workers, --memory, --json, --redis as
for run):
  --product ID       the product whose stock points' policies are swept (required)
  --node ID          only the stock point at this node
  --param NAME=FROM:TO:STEP   a policy parameter and its values (or NAME=V1,V2,...); once or twice
  --kpi KPI          the KPI shown on the grid (default totalCost)
  --from VARIANT     the variant whose policies the sweep starts from (default the first)
  --csv              print every grid point's KPIs as CSV

Options of optimize (and --product, --node, --param, --from as for sweep; --replications, --seed,
--days, --workers, --memory, --json, --redis as for run):
  --objective KPI    the network KPI to minimise (default totalCost)
  --constraint KPI>=VALUE   a floor the winner must meet, e.g. fillRate>=0.95
  --replications N   replications per grid point in the screening (default: the scenario's)
  --confirm-replications N  replications for each kept candidate (default 4 x the screening's)
  --top N            candidates kept for confirmation (default 3)
  --csv              print every screened grid point and confirmed candidate as CSV

Options of recommend (and --seed, --days, --workers, --memory, --json, --redis as for run):
  --target KPI>=VALUE   the service to keep at every customer-facing stock point, e.g. fillRate>=0.95
                     (required)
  --policy P         sS, rQ, RS or baseStock (default sS)
  --objective KPI    minimised among the parameters meeting the target (default totalCost)
  --by LEVEL         stock-point (each its own parameters) or product (one rule for its locations)
  --replications N   replications of each rung of the search (default: the scenario's, at most 10)
  --confirm-replications N  replications of the confirmation on fresh seeds (default 2 x the search's)
  --csv              print one row per stock point: each parameter now and recommended, service and
                     cost both ways with 95% half-widths
  --master-csv FILE  write the recommended parameters in the SKU master's columns (sku, location,
                     policy, reorderPoint, orderUpTo, orderQuantity, level, reviewPeriod)
  --out FILE         write the scenario with a "recommended" variant beside today's

Options of sensitivity (and --replications, --seed, --days, --workers, --memory, --json, --redis as
for run):
  --by PERCENT       how far each input moves, down and up (default 20)
  --kpi KPI          the network KPI read (default totalCost)
  --variant ID       the policy variant analysed (default the first)

Options of import:
  --demand FILE      the demand history: long (date, sku, location, units, price) or wide (a date
                     column, one column per SKU or SKU@location); daily or transaction rows
  --master FILE      a SKU master: name, unit cost, price, holding rate, lead time (mean and sd, or
                     min and max), supplier, minimum order, case pack, ordering cost, policy
  --locations FILE   locations: id, kind (store or warehouse), supplied by (a warehouse of the
                     file; empty: the SKU's supplier), lead time (days from the warehouse)
  --warehouse NAME   every store without a supplier in --locations is supplied by this warehouse
                     (default: each store by the SKU's supplier)
  --transfer-days D  days from a warehouse to a store where --locations gives none (default 1)
  --out FILE         write the scenario there (default: stdout, the report then on stderr)
  --report FILE      every rejected or remarked row as CSV (file, row, column, status, reason)
  --fits FILE        each SKU's class, model, reason and policy as CSV
  --map ROLE=COLUMN  the column of a role whose name is not recognised (date, sku, location, units,
                     price, stock, name, invoice); ROLE= (empty) says the file has none
  --date-format dmy|mdy   how to read 05/03/2024 when no date in the file says
  --decimal comma|point   the decimal mark when the numbers do not say
  --negatives ignore|net|returns   negative quantities: left out (default), netted, or returns
  --rows daily|transactions   one row per day, or rows added up per day (default: transactions
                     when the dates have times or there is an invoice column)
  --keep-duplicates  keep rows repeated exactly (default: reported and left out)
  --location NAME    the location when the file has none (default store)
  --sheet NAME       the sheet of an XLSX file (default: the first with data)
  --demand-model fit|replay   fit a model per SKU (default) or replay the histories
  --replay SKU1,SKU2 replay these SKUs' histories, fit the others
  --service P        cycle service target of the textbook (s, S) where the master has no policy
                     (default 0.95)
  --lead-time DAYS   where the master gives none (default 7)
  --holding-rate R   yearly, where the master gives none (default 0.25)
  --cost-share S     unit cost as a share of the price where the master gives no cost (default 0.6)
  --unmet lost|backorder   what happens to demand short of stock (default lost)
  --currency, --name, --days, --replications, --seed   the scenario's own settings

Options of worker:
  --redis URL        the Redis the commands enqueue on, e.g. redis://10.0.0.5:6379 (required)
  --concurrency N    jobs run at once, each on a worker thread (default: available CPUs)
  --memory MB        each worker thread's memory limit
  --lock-seconds S   BullMQ's lock on a job (default 30): a worker silent this long loses its job,
                     which runs again elsewhere

Exit status: 0 done, 1 internal error, out of memory or output not written, 2 bad usage or invalid
scenario, 130 interrupted (Ctrl-C).
`;
