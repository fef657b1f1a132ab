import { describeShippedBuild } from '../builds';

describeShippedBuild('firefox-mv3');
