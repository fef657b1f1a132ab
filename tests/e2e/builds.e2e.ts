import { describeShippedBuild } from '../builds';

describeShippedBuild('chrome-mv3');
