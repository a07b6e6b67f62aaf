import { gatesDecideCommand } from './gates-decide-command.js';

export default gatesDecideCommand('deny');
