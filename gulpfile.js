// Copies node and credential icons next to the compiled code, where n8n looks for them (`file:` icon paths).
const path = require('path');
const { task, src, dest } = require('gulp');

function copyIcons() {
	const nodeIcons = src('nodes/**/*.{png,svg}', { encoding: false }).pipe(dest(path.resolve('dist', 'nodes')));
	const credentialIcons = src('icons/*.{png,svg}', { encoding: false }).pipe(dest(path.resolve('dist', 'icons')));
	return Promise.all([
		new Promise((resolve, reject) => nodeIcons.on('finish', resolve).on('error', reject)),
		new Promise((resolve, reject) => credentialIcons.on('finish', resolve).on('error', reject)),
	]);
}

task('build:icons', copyIcons);
