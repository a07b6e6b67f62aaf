/** A target widened to every region or every environment. */
export const allRegions = 'all regions';
export const allEnvironments = 'all environments';

/** Deployment tiers by canonical name. */
export const environmentTiers = new Set([
  'production',
  'staging',
  'development',
  'test',
  'qa',
  'uat',
  'sandbox',
  'preproduction',
  'non-production',
  allEnvironments,
]);

/** Cloud regions: AWS (`eu-west-1`), Google Cloud (`europe-west1`) and common Azure names (`westeurope`). */
export const regionPattern =
  /(?<![\w-])(?:(?:us|eu|ap|sa|ca|me|af|il|mx)-(?:gov-)?(?:north|south|east|west|central|northeast|southeast|northwest|southwest)-\d|(?:us|europe|asia|australia|northamerica|southamerica|me|africa)-(?:north|south|east|west|central|northeast|southeast|northwest|southwest)\d|(?:east|west|central|north|south)(?:us|europe|uk|asia|india|japan)\d?|uk(?:south|west))(?![\w-])/gi;

const wholeRegion = new RegExp(`^(?:${regionPattern.source})$`, 'i');

/** True for an environment value that is a region. */
export function isRegionValue(value: string): boolean {
  return value === allRegions || wholeRegion.test(value);
}
