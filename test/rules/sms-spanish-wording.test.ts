import { RuleTester } from "eslint";
import plugin from "../../plugin/index.js";
import unsubscribe from "../../rules/require-unsubscribe.js";
import confirmation from "../../rules/sms-opt-in-confirmation.js";

/**
 * US programmes that text in Spanish: the STOP instruction and the
 * carriers' opt-in disclosures in Spanish, as Twilio's requirements for a
 * Spanish-language short code word them (ALTO, AYUDA, "Cargos de msjs y
 * datos pueden aplicar", "X msjs/mes").
 */
const sms = new RuleTester({ plugins: { mailcomply: plugin }, language: "mailcomply/sms" });
const us = (extra: Record<string, unknown> = {}) => ({
	mailcomply: { campaign: { language: "es", audience: { countries: ["US"] }, ...extra } },
});
const optIn = us({ kind: "opt-in-confirmation", sender: { name: "Acme Inc." } });
const undeclared = { mailcomply: { campaign: { kind: "opt-in-confirmation", audience: { countries: ["US"] } } } };
const LAW = "CTIA Messaging Principles 5.1.2.1";

sms.run("require-unsubscribe (sms, Spanish)", unsubscribe as never, {
	valid: [
		{ code: "Acme: 25% de descuento este fin de semana. Envíe ALTO para cancelar.", settings: us() },
		{ code: "Acme: ofertas de verano. Responde STOP para cancelar", settings: us() },
		{
			code: "Acme: nuevas ofertas. Envíe la palabra ALTO en un mensaje de texto al 12345 para cancelar.",
			settings: us(),
		},
		{ code: "Acme: 2x1 en tacos hoy. STOP al 12345", settings: us() },
		{ code: 'Acme: 2x1 en tacos hoy. Responda "alto" para darse de baja.', settings: us() },
	],
	invalid: [
		// ALTO as an ordinary word, not an instruction.
		{ code: "Acme: ¡ALTO! Últimas horas de rebajas.", settings: us(), errors: [{ messageId: "missingSms" }] },
		{ code: "Acme: calidad ALTO rendimiento, 30% menos.", settings: us(), errors: [{ messageId: "missingSms" }] },
		{ code: "Acme: 25% de descuento este fin de semana.", settings: us(), errors: [{ messageId: "missingSms" }] },
	],
});

sms.run("sms-opt-in-confirmation (Spanish)", confirmation as never, {
	valid: [
		{
			code: "Acme: Bienvenido a Acme Alertas. Cargos de msjs y datos pueden aplicar. 4 msjs/mes. Envíe AYUDA para asistencia. Envíe ALTO para cancelar.",
			settings: optIn,
		},
		{
			code: "Acme: Bienvenido a Acme Alertas. Cargos de mensajes y datos pueden aplicar. 1 msj/día. Envíe la palabra AYUDA al 12345 para asistencia. Responde STOP para cancelar.",
			settings: optIn,
		},
	],
	invalid: [
		// "¿Necesitas ayuda?" in lower case is no HELP instruction; a frequency without a count is none. Declared es: the fix is in Spanish.
		{
			code: "Acme: Bienvenido a Acme Alertas. Cargos de msjs y datos pueden aplicar. Recibirás mensajes. ¿Necesitas ayuda? Envíe ALTO para cancelar.",
			settings: optIn,
			errors: [
				{
					messageId: "missing",
					data: {
						missing: "the message frequency and a HELP instruction",
						example: "<número> msjs/mes. Envíe AYUDA para asistencia.",
						law: LAW,
					},
					suggestions: [
						{
							messageId: "add",
							output:
								"Acme: Bienvenido a Acme Alertas. Cargos de msjs y datos pueden aplicar. Recibirás mensajes. ¿Necesitas ayuda? Envíe ALTO para cancelar. <número> msjs/mes. Envíe AYUDA para asistencia.",
						},
					],
				},
			],
		},
		// Only the welcome, declared es: every notice in Twilio's Spanish forms.
		{
			code: "Acme: ¡Bienvenido a Acme Alertas!",
			settings: optIn,
			errors: [
				{
					messageId: "missing",
					data: {
						missing:
							'the message frequency, "Cargos de msjs y datos pueden aplicar", a HELP instruction and a STOP instruction',
						example:
							"<número> msjs/mes. Cargos de msjs y datos pueden aplicar. Envíe AYUDA para asistencia. Envíe ALTO para cancelar.",
						law: LAW,
					},
					suggestions: [
						{
							messageId: "add",
							output:
								"Acme: ¡Bienvenido a Acme Alertas! <número> msjs/mes. Cargos de msjs y datos pueden aplicar. Envíe AYUDA para asistencia. Envíe ALTO para cancelar.",
						},
					],
				},
			],
		},
		// No language declared: Spanish disclosures already written, or Spanish words, make it a Spanish programme.
		{
			code: "Acme: Bienvenido a Acme Alertas. 4 msjs/mes. Envíe ALTO para cancelar.",
			settings: undeclared,
			errors: [
				{
					messageId: "missing",
					data: {
						missing: '"Cargos de msjs y datos pueden aplicar" and a HELP instruction',
						example: "Cargos de msjs y datos pueden aplicar. Envíe AYUDA para asistencia.",
						law: LAW,
					},
					suggestions: 1,
				},
			],
		},
		{
			code: "Acme: Gracias por suscribirte a las alertas de Acme.",
			settings: undeclared,
			errors: [
				{
					messageId: "missing",
					data: {
						missing:
							'the message frequency, "Cargos de msjs y datos pueden aplicar", a HELP instruction and a STOP instruction',
						example:
							"<número> msjs/mes. Cargos de msjs y datos pueden aplicar. Envíe AYUDA para asistencia. Envíe ALTO para cancelar.",
						law: LAW,
					},
					suggestions: 1,
				},
			],
		},
		// Not declared, English with a Spanish brand name: English.
		{
			code: "Los Pollos Alertas: you're subscribed. Reply HELP for help, STOP to cancel.",
			settings: undeclared,
			errors: [
				{
					messageId: "missing",
					data: {
						missing: 'the message frequency and "Msg & data rates may apply"',
						example: "Msg freq varies. Msg & data rates may apply.",
						law: LAW,
					},
					suggestions: 1,
				},
			],
		},
		// Declared en: English, whatever Spanish name the programme has ("Los Pollos Alertas").
		{
			code: "Los Pollos Alertas: ¡ya estás! Reply HELP for help, STOP to cancel.",
			settings: {
				mailcomply: {
					campaign: { kind: "opt-in-confirmation", language: "en-US", audience: { countries: ["US"] } },
				},
			},
			errors: [
				{
					messageId: "missing",
					data: {
						missing: 'the message frequency and "Msg & data rates may apply"',
						example: "Msg freq varies. Msg & data rates may apply.",
						law: LAW,
					},
					suggestions: 1,
				},
			],
		},
	],
});
